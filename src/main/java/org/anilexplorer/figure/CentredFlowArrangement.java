package org.anilexplorer.figure;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.block.Block;
import org.jfree.chart.block.BlockContainer;
import org.jfree.chart.block.FlowArrangement;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Size2D;
import org.jfree.chart.ui.VerticalAlignment;

/**
 * A flow layout whose wrapped rows are centred: a legend that needs two rows reads as one block under the plot.
 * (JFreeChart's FlowArrangement accepts a horizontal alignment but places every row flush left.)
 */
final class CentredFlowArrangement extends FlowArrangement {

    private static final long serialVersionUID = 1L;

    CentredFlowArrangement(double horizontalGap, double verticalGap) {
        super(HorizontalAlignment.CENTER, VerticalAlignment.CENTER, horizontalGap, verticalGap);
    }

    @Override
    protected Size2D arrangeFN(BlockContainer container, Graphics2D g2, RectangleConstraint constraint) {
        Size2D size = super.arrangeFN(container, g2, constraint);
        List<Block> row = new ArrayList<>();
        double rowY = Double.NaN;
        for (Object o : container.getBlocks()) {
            Block block = (Block) o;
            if (block.getBounds().getY() != rowY) {
                centre(row, size.width);
                row.clear();
                rowY = block.getBounds().getY();
            }
            row.add(block);
        }
        centre(row, size.width);
        return size;
    }

    private static void centre(List<Block> row, double width) {
        if (row.isEmpty()) {
            return;
        }
        Rectangle2D last = row.get(row.size() - 1).getBounds();
        double shift = (width - last.getMaxX()) / 2;
        if (shift <= 0) {
            return;
        }
        for (Block b : row) {
            Rectangle2D r = b.getBounds();
            b.setBounds(new Rectangle2D.Double(r.getX() + shift, r.getY(), r.getWidth(), r.getHeight()));
        }
    }
}

package org.anilexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.anilexplorer.core.algo.DynamicsState;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.RiskSeries;
import org.anilexplorer.core.run.RunCheckpoint;
import org.junit.jupiter.api.Test;

class CheckpointCodecTest {

    private static RunCheckpoint sample() {
        Map<String, double[]> arrays = new LinkedHashMap<>();
        arrays.put(DynamicsState.B, new double[] {1.0 / 3, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, Math.PI});
        arrays.put(DynamicsState.W, new double[] {Double.longBitsToDouble(0x7ff8_0000_0000_0001L), 2});
        Params p = Params.defaults().with("algorithm", "fo-maml").with("task_cov", "0.5,2,3").with("m_test", "7,9");
        return new RunCheckpoint("FO-MAML, α = 0.1 ✓", 42, p, new DynamicsState("B,w", 17, 12.5, arrays),
                new RunCheckpoint.Cursor(18, 20, Long.MAX_VALUE, 3.25),
                List.of(new Snapshot(0, new double[] {3, 2, 1}, new double[] {0.5}, 1, 0.9, 2, Double.NaN),
                        new Snapshot(17, new double[] {4, 3, 2}, new double[] {0.25}, 0.5, 0.8, 1, Double.NaN)),
                new RiskSeries(new int[] {7, 9}, new long[] {0, 10}, new double[][] {{1, 0.5}, {0.9, 0.45}},
                        new double[][] {{Double.NaN, 0.4}, {Double.NaN, 0.35}}));
    }

    @Test
    void aVersionOneCheckpointWithOneMTestIsStillRead() {
        RunCheckpoint c = sample();
        RunCheckpoint one = new RunCheckpoint(c.label(), c.seed(), c.params(), c.dynamics(), c.cursor(), c.series(),
                c.risk().forMTest(0));
        byte[] v2 = CheckpointCodec.toBytes(one);
        // version 1 is version 2 without the count of further m_test values (0 here) before the checksum
        byte[] v1 = new byte[v2.length - 4];
        System.arraycopy(v2, 0, v1, 0, v2.length - 12);
        ByteBuffer.wrap(v1).putInt(8, 1);
        CRC32 crc = new CRC32();
        crc.update(v1, 0, v1.length - 8);
        ByteBuffer.wrap(v1).putLong(v1.length - 8, crc.getValue());
        RunCheckpoint back = CheckpointCodec.fromBytes(v1);
        assertEquals(one.risk(), back.risk());
        assertEquals(one.dynamics(), back.dynamics());
    }

    @Test
    void everyNumberComesBackWithItsBits() {
        RunCheckpoint c = sample();
        RunCheckpoint back = CheckpointCodec.fromBytes(CheckpointCodec.toBytes(c));
        assertEquals(c.label(), back.label());
        assertEquals(c.seed(), back.seed());
        assertEquals(c.params(), back.params());
        assertEquals(c.dynamics(), back.dynamics());
        assertEquals(0x7ff8_0000_0000_0001L, Double.doubleToRawLongBits(back.dynamics().array(DynamicsState.W)[0]));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.dynamics().array("B")[1]));
        assertEquals(c.cursor(), back.cursor());
        assertEquals(c.risk(), back.risk());
        assertEquals(c.series().size(), back.series().size());
        for (int i = 0; i < c.series().size(); i++) {
            Snapshot a = c.series().get(i);
            Snapshot b = back.series().get(i);
            assertEquals(a.iteration(), b.iteration());
            assertEquals(Arrays.toString(a.sv2Star()), Arrays.toString(b.sv2Star()));
            assertEquals(Arrays.toString(a.sv2Perp()), Arrays.toString(b.sv2Perp()));
            assertEquals(a.trainingLoss(), b.trainingLoss());
            assertEquals(a.validationLoss(), b.validationLoss());
        }
    }

    @Test
    void otherBytesAreRefusedSayingWhy() {
        byte[] good = CheckpointCodec.toBytes(sample());
        assertEquals("not a checkpoint of this program",
                assertThrows(CheckpointFormatException.class, () -> CheckpointCodec.fromBytes("{\"json\": 1}"
                        .getBytes())).getMessage());
        assertEquals("damaged or cut short (its checksum does not match)", assertThrows(CheckpointFormatException.class,
                () -> CheckpointCodec.fromBytes(Arrays.copyOf(good, good.length - 20))).getMessage());
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 4;
        assertEquals("damaged or cut short (its checksum does not match)", assertThrows(CheckpointFormatException.class,
                () -> CheckpointCodec.fromBytes(flipped)).getMessage());
        byte[] future = good.clone();
        future[11] = 3; // the version, with a valid checksum
        CRC32 crc = new CRC32();
        crc.update(future, 0, future.length - 8);
        ByteBuffer.wrap(future, future.length - 8, 8).putLong(crc.getValue());
        assertEquals("checkpoint version 3 is not supported (this program reads versions 1 and 2)",
                assertThrows(CheckpointFormatException.class, () -> CheckpointCodec.fromBytes(future)).getMessage());
    }
}

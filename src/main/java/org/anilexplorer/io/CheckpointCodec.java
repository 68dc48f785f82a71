package org.anilexplorer.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.anilexplorer.core.algo.DynamicsState;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.params.ParamException;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.RiskSeries;
import org.anilexplorer.core.run.RunCheckpoint;

/**
 * A {@link RunCheckpoint} as bytes: compact, exact (every number as its 64 raw bits) and checked (a CRC-32 closes
 * the record, so a damaged file is refused rather than continued from). Used for the {@code checkpoints/} folder of a
 * result set ({@link CheckpointFiles}) and, base64-encoded, for the run states of a session ({@link SessionCodec}).
 *
 * <p>Layout (big-endian, version 2): the magic {@code ANILCKPT}, the version, the label and seed, every parameter as
 * key and text, the dynamics' kind, iteration, magnitude and named arrays, the cursor, the snapshots up to t, the
 * test risk up to t of the first m_test, then the count of further m_test values and, for each, its m_test and its
 * 1-GD and ridge risk at the same iterations (version 1 ends the risk after the first), and the CRC-32 of everything
 * before it.
 */
public final class CheckpointCodec {

    private static final byte[] MAGIC = "ANILCKPT".getBytes(StandardCharsets.US_ASCII);
    /** Version 2 adds the test risk of the further m_test values; version 1 files are still read. */
    private static final int VERSION = 2;

    private CheckpointCodec() {
    }

    public static byte[] toBytes(RunCheckpoint c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 16, c.bytes()));
        try {
            write(c, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * Checks the magic and the checksum before reading anything else, so damage anywhere is reported as damage.
     *
     * @throws CheckpointFormatException when the bytes are not a whole, undamaged checkpoint
     */
    public static RunCheckpoint fromBytes(byte[] bytes) {
        if (bytes.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new CheckpointFormatException("not a checkpoint of this program");
        }
        if (bytes.length < MAGIC.length + 4 + 8) {
            throw new CheckpointFormatException("cut short (the file ends inside the checkpoint)");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        if (ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong() != crc.getValue()) {
            throw new CheckpointFormatException("damaged or cut short (its checksum does not match)");
        }
        try {
            return parse(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new CheckpointFormatException("not a checkpoint (" + e.getMessage() + ")");
        }
    }

    public static void write(RunCheckpoint c, OutputStream target) throws IOException {
        CRC32 crc = new CRC32();
        DataOutputStream out = new DataOutputStream(new CheckedOutputStream(target, crc));
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(c.label());
        out.writeLong(c.seed());
        Map<String, String> params = c.params().toMap();
        out.writeInt(params.size());
        for (Map.Entry<String, String> e : params.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
        DynamicsState s = c.dynamics();
        out.writeUTF(s.kind());
        out.writeLong(s.iteration());
        writeDouble(out, s.magnitude());
        out.writeInt(s.names().size());
        for (String name : s.names()) {
            out.writeUTF(name);
            writeDoubles(out, s.array(name));
        }
        RunCheckpoint.Cursor cursor = c.cursor();
        out.writeLong(cursor.nextRecord());
        out.writeLong(cursor.nextRisk());
        out.writeLong(cursor.nextRidge());
        writeDouble(out, cursor.initialMagnitude());
        out.writeInt(c.series().size());
        for (Snapshot x : c.series()) {
            out.writeLong(x.iteration());
            writeDoubles(out, x.sv2Star());
            writeDoubles(out, x.sv2Perp());
            writeDouble(out, x.bwNorm());
            writeDouble(out, x.distance());
            writeDouble(out, x.trainingLoss());
            writeDouble(out, x.validationLoss());
        }
        RiskSeries risk = c.risk();
        out.writeInt(risk.mTest());
        out.writeInt(risk.size());
        for (int i = 0; i < risk.size(); i++) {
            out.writeLong(risk.iteration(i));
            writeDouble(out, risk.oneStepGd(i));
            writeDouble(out, risk.ridge(i));
        }
        out.writeInt(risk.mTestCount() - 1);
        for (int j = 1; j < risk.mTestCount(); j++) {
            out.writeInt(risk.mTests()[j]);
            for (int i = 0; i < risk.size(); i++) {
                writeDouble(out, risk.oneStepGd(j, i));
                writeDouble(out, risk.ridge(j, i));
            }
        }
        out.flush();
        new DataOutputStream(target).writeLong(crc.getValue());
        target.flush();
    }

    /**
     * Reads one checkpoint.
     *
     * @throws CheckpointFormatException when the stream is not a whole, undamaged checkpoint of a known version
     * @throws IOException               when reading fails
     */
    public static RunCheckpoint read(InputStream source) throws IOException {
        return fromBytes(source.readAllBytes());
    }

    private static RunCheckpoint parse(InputStream source) throws IOException {
        CRC32 crc = new CRC32();
        DataInputStream in = new DataInputStream(new CheckedInputStream(source, crc));
        try {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new CheckpointFormatException("not a checkpoint of this program");
            }
            int version = in.readInt();
            if (version != 1 && version != VERSION) {
                throw new CheckpointFormatException("checkpoint version " + version + " is not supported (this "
                        + "program reads versions 1 and " + VERSION + ")");
            }
            String label = in.readUTF();
            long seed = in.readLong();
            int paramCount = count(in.readInt(), 1000);
            Map<String, String> settings = new LinkedHashMap<>();
            for (int i = 0; i < paramCount; i++) {
                settings.put(in.readUTF(), in.readUTF());
            }
            Params params;
            try {
                params = Params.defaults().withAll(settings);
            } catch (ParamException e) {
                throw new CheckpointFormatException("its parameters are refused: " + e.getMessage());
            }
            String kind = in.readUTF();
            long iteration = in.readLong();
            double magnitude = readDouble(in);
            int arrayCount = count(in.readInt(), 64);
            Map<String, double[]> arrays = new LinkedHashMap<>();
            for (int i = 0; i < arrayCount; i++) {
                arrays.put(in.readUTF(), readDoubles(in));
            }
            RunCheckpoint.Cursor cursor = new RunCheckpoint.Cursor(in.readLong(), in.readLong(), in.readLong(),
                    readDouble(in));
            int snapshots = count(in.readInt(), Integer.MAX_VALUE);
            List<Snapshot> series = new ArrayList<>(Math.min(snapshots, 1 << 16));
            for (int i = 0; i < snapshots; i++) {
                series.add(new Snapshot(in.readLong(), readDoubles(in), readDoubles(in), readDouble(in),
                        readDouble(in), readDouble(in), readDouble(in)));
            }
            int mTest = in.readInt();
            int points = count(in.readInt(), Integer.MAX_VALUE);
            long[] ts = new long[Math.min(points, 1 << 20)];
            double[] gd = new double[ts.length];
            double[] ridge = new double[ts.length];
            for (int i = 0; i < points; i++) {
                if (i == ts.length) {
                    ts = Arrays.copyOf(ts, ts.length * 2);
                    gd = Arrays.copyOf(gd, ts.length);
                    ridge = Arrays.copyOf(ridge, ts.length);
                }
                ts[i] = in.readLong();
                gd[i] = readDouble(in);
                ridge[i] = readDouble(in);
            }
            int further = version == 1 ? 0 : count(in.readInt(), 1000);
            int[] mTests = new int[1 + further];
            double[][] gds = new double[1 + further][];
            double[][] ridges = new double[1 + further][];
            mTests[0] = mTest;
            gds[0] = Arrays.copyOf(gd, points);
            ridges[0] = Arrays.copyOf(ridge, points);
            for (int j = 1; j <= further; j++) {
                mTests[j] = in.readInt();
                gds[j] = new double[points];
                ridges[j] = new double[points];
                for (int i = 0; i < points; i++) {
                    gds[j][i] = readDouble(in);
                    ridges[j][i] = readDouble(in);
                }
            }
            long expected = crc.getValue();
            long stored = new DataInputStream(source).readLong();
            if (stored != expected) {
                throw new CheckpointFormatException("damaged or cut short (its checksum does not match)");
            }
            RiskSeries risk = new RiskSeries(mTests, Arrays.copyOf(ts, points), gds, ridges);
            return new RunCheckpoint(label, seed, params, new DynamicsState(kind, iteration, magnitude, arrays),
                    cursor, series, risk);
        } catch (EOFException e) {
            throw new CheckpointFormatException("cut short (the file ends inside the checkpoint)");
        } catch (IllegalArgumentException e) {
            if (e instanceof CheckpointFormatException f) {
                throw f;
            }
            throw new CheckpointFormatException("inconsistent (" + e.getMessage() + ")");
        }
    }

    private static int count(int n, int max) {
        if (n < 0 || n > max) {
            throw new CheckpointFormatException("damaged (a count of " + n + ")");
        }
        return n;
    }

    private static void writeDouble(DataOutputStream out, double v) throws IOException {
        out.writeLong(Double.doubleToRawLongBits(v));
    }

    private static double readDouble(DataInputStream in) throws IOException {
        return Double.longBitsToDouble(in.readLong());
    }

    /** Length, then the raw bits, in blocks (a byte buffer rather than one call per number). */
    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        ByteBuffer block = ByteBuffer.allocate(8 * Math.min(values.length, 8192));
        for (int from = 0; from < values.length; from += 8192) {
            int n = Math.min(8192, values.length - from);
            block.clear();
            for (int i = 0; i < n; i++) {
                block.putLong(Double.doubleToRawLongBits(values[from + i]));
            }
            out.write(block.array(), 0, 8 * n);
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        int n = count(in.readInt(), Integer.MAX_VALUE / 8);
        double[] values = new double[n];
        byte[] block = new byte[8 * Math.min(n, 8192)];
        for (int from = 0; from < n; from += 8192) {
            int m = Math.min(8192, n - from);
            in.readFully(block, 0, 8 * m);
            ByteBuffer b = ByteBuffer.wrap(block, 0, 8 * m);
            for (int i = 0; i < m; i++) {
                values[from + i] = Double.longBitsToDouble(b.getLong());
            }
        }
        return values;
    }
}

package io.github.mqjssandbox.internal;

import io.github.mqjssandbox.internal.wasm.EngineState;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The portable byte form of a sandbox's state. Big-endian throughout:
 *
 * <pre>
 *   "MQJSSNAP"                    8 bytes, magic
 *   version                       u16 (1)
 *   module sha256                 32 bytes: the emcc module whose memory layout the state has
 *   arena bytes, stack pointer,   3 x i32
 *   wasm pages
 *   host function count           u16, then per function (in id order): u16 length + UTF-8 name
 *   block count                   i32, then per block: i32 index + 4096 bytes
 *   sha256 of all of the above    32 bytes
 * </pre>
 *
 * Decoding checks, in this order and before anything is allocated for the state: the total
 * size against the caller's bound, the magic and version, that the declared structure fits
 * the bytes (truncation), the checksum (corruption), and the module (a foreign module).
 */
public final class SnapshotCodec {
    private static final byte[] MAGIC = "MQJSSNAP".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int HASH_BYTES = 32;
    private static final int MAX_NAME_BYTES = 1 << 10;

    /** Why a snapshot was refused. */
    public enum Problem { OVERSIZED, TRUNCATED, CORRUPT, FOREIGN_MODULE }

    /** A refused snapshot. */
    public static final class InvalidSnapshotException extends Exception {
        private static final long serialVersionUID = 1L;
        private final Problem problem;

        InvalidSnapshotException(Problem problem, String message) {
            super(message);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** What a snapshot carries: the host function names in id order and the engine's state. */
    public record Contents(List<String> hostFunctionNames, EngineState state) {}

    private SnapshotCodec() {}

    public static byte[] encode(byte[] moduleSha256, List<String> hostFunctionNames, EngineState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + state.blocks().length + 4 * state.blockIndexes().length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeShort(VERSION);
            out.write(moduleSha256);
            out.writeInt(state.arenaBytes());
            out.writeInt(state.stackPointer());
            out.writeInt(state.pages());
            out.writeShort(hostFunctionNames.size());
            for (String name : hostFunctionNames) {
                byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
                out.writeShort(utf8.length);
                out.write(utf8);
            }
            int[] indexes = state.blockIndexes();
            out.writeInt(indexes.length);
            for (int i = 0; i < indexes.length; i++) {
                out.writeInt(indexes[i]);
                out.write(state.blocks(), i * EngineState.BLOCK, EngineState.BLOCK);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        byte[] body = bytes.toByteArray();
        byte[] all = Arrays.copyOf(body, body.length + HASH_BYTES);
        System.arraycopy(sha256(body, body.length), 0, all, body.length, HASH_BYTES);
        return all;
    }

    /**
     * @param maxBytes the largest snapshot the caller accepts (the size of the memory it could hold)
     * @throws InvalidSnapshotException with the first problem found
     */
    public static Contents decode(byte[] snapshot, byte[] expectedModuleSha256, long maxBytes)
            throws InvalidSnapshotException {
        if (snapshot.length > maxBytes) {
            throw new InvalidSnapshotException(Problem.OVERSIZED,
                    "snapshot of " + snapshot.length + " bytes, over the limit of " + maxBytes + " for this configuration");
        }
        ByteBuffer in = ByteBuffer.wrap(snapshot);
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new InvalidSnapshotException(Problem.CORRUPT, "not a sandbox snapshot (no MQJSSNAP header)");
            }
            int version = Short.toUnsignedInt(in.getShort());
            if (version != VERSION) {
                throw new InvalidSnapshotException(Problem.FOREIGN_MODULE,
                        "snapshot format version " + version + ", this library reads " + VERSION);
            }
            byte[] module = new byte[HASH_BYTES];
            in.get(module);
            int arenaBytes = in.getInt();
            int stackPointer = in.getInt();
            int pages = in.getInt();
            int nameCount = Short.toUnsignedInt(in.getShort());
            List<String> names = new ArrayList<>(nameCount);
            for (int i = 0; i < nameCount; i++) {
                int length = Short.toUnsignedInt(in.getShort());
                if (length > MAX_NAME_BYTES || length > in.remaining()) {
                    throw truncatedOr(length > MAX_NAME_BYTES, "a host function name of " + length + " bytes");
                }
                byte[] utf8 = new byte[length];
                in.get(utf8);
                names.add(utf8(utf8));
            }
            int blockCount = in.getInt();
            long blockBytes = (long) blockCount * (4 + EngineState.BLOCK);
            if (blockCount < 0 || blockBytes + HASH_BYTES != in.remaining()) {
                throw truncatedOr(blockBytes + HASH_BYTES < in.remaining() || blockCount < 0,
                        blockCount + " memory blocks declared, " + in.remaining() + " bytes left");
            }
            int bodyLength = snapshot.length - HASH_BYTES;
            if (!MessageDigest.isEqual(sha256(snapshot, bodyLength), Arrays.copyOfRange(snapshot, bodyLength, snapshot.length))) {
                throw new InvalidSnapshotException(Problem.CORRUPT, "snapshot checksum mismatch: the bytes were changed");
            }
            if (!MessageDigest.isEqual(module, expectedModuleSha256)) {
                throw new InvalidSnapshotException(Problem.FOREIGN_MODULE, "snapshot of module " + hex(module)
                        + ", this library runs " + hex(expectedModuleSha256));
            }
            int[] indexes = new int[blockCount];
            byte[] blocks = new byte[blockCount * EngineState.BLOCK];
            for (int i = 0; i < blockCount; i++) {
                indexes[i] = in.getInt();
                in.get(blocks, i * EngineState.BLOCK, EngineState.BLOCK);
            }
            try {
                return new Contents(List.copyOf(names), new EngineState(arenaBytes, stackPointer, pages, indexes, blocks));
            } catch (IllegalArgumentException e) {
                throw new InvalidSnapshotException(Problem.CORRUPT, "inconsistent snapshot: " + e.getMessage());
            }
        } catch (BufferUnderflowException e) {
            throw new InvalidSnapshotException(Problem.TRUNCATED, "snapshot ends early (" + snapshot.length + " bytes)");
        }
    }

    private static InvalidSnapshotException truncatedOr(boolean corrupt, String what) {
        return new InvalidSnapshotException(corrupt ? Problem.CORRUPT : Problem.TRUNCATED,
                (corrupt ? "inconsistent snapshot: " : "snapshot ends early: ") + what);
    }

    private static String utf8(byte[] bytes) throws InvalidSnapshotException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidSnapshotException(Problem.CORRUPT, "a host function name is not UTF-8");
        }
    }

    private static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes, 0, 6) + "…";
    }
}

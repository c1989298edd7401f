package io.github.mqjssandbox.wasmtools.split;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal class-file reader: the name, descriptor and Code attribute length of every method.
 * Only the parts of the format needed to reach the methods are decoded (JVMS 4.1-4.7).
 */
public final class ClassFileMethods {

    /** One method and the length of its bytecode ({@code code_length}, 0 if abstract/native). */
    public record Method(String className, String name, String descriptor, int codeLength) {
        @Override
        public String toString() {
            return className + "." + name + descriptor + " " + codeLength + " bytes";
        }
    }

    private ClassFileMethods() {
    }

    public static List<Method> read(byte[] classBytes) {
        try {
            return parse(new DataInputStream(new ByteArrayInputStream(classBytes)));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("malformed class file: " + e.getMessage(), e);
        }
    }

    private static List<Method> parse(DataInputStream in) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("bad magic");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int cpCount = in.readUnsignedShort();
        String[] utf8 = new String[cpCount];
        int[] classNameIndex = new int[cpCount];
        for (int i = 1; i < cpCount; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1: utf8[i] = in.readUTF(); break;
                case 7: classNameIndex[i] = in.readUnsignedShort(); break;
                case 8: case 16: case 19: case 20: in.readUnsignedShort(); break;
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18: in.readInt(); break;
                case 15: in.readUnsignedByte(); in.readUnsignedShort(); break;
                case 5: case 6: in.readLong(); i++; break;
                default: throw new IOException("unknown constant pool tag " + tag + " at " + i);
            }
        }
        in.readUnsignedShort(); // access flags
        int thisClass = in.readUnsignedShort();
        String className = utf8[classNameIndex[thisClass]].replace('/', '.');
        in.readUnsignedShort(); // super
        int interfaces = in.readUnsignedShort();
        in.skipNBytes(2L * interfaces);
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) {
            in.skipNBytes(6);
            skipAttributes(in);
        }
        int methods = in.readUnsignedShort();
        List<Method> result = new ArrayList<>(methods);
        for (int i = 0; i < methods; i++) {
            in.readUnsignedShort(); // access
            String name = utf8[in.readUnsignedShort()];
            String descriptor = utf8[in.readUnsignedShort()];
            int attributes = in.readUnsignedShort();
            int codeLength = 0;
            for (int a = 0; a < attributes; a++) {
                String attr = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if ("Code".equals(attr)) {
                    in.readUnsignedShort(); // max_stack
                    in.readUnsignedShort(); // max_locals
                    codeLength = in.readInt();
                    in.skipNBytes(length - 8L);
                } else {
                    in.skipNBytes(length);
                }
            }
            result.add(new Method(className, name, descriptor, codeLength));
        }
        return result;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        for (int i = 0; i < n; i++) {
            in.readUnsignedShort();
            in.skipNBytes(Integer.toUnsignedLong(in.readInt()));
        }
    }
}

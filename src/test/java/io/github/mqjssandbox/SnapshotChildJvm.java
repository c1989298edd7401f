package io.github.mqjssandbox;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by {@link SnapshotTest} in a second JVM: restores the snapshot in file {@code args[0]}
 * and prints what evaluating {@code args[1]} displays there.
 */
public final class SnapshotChildJvm {
    private SnapshotChildJvm() {}

    public static void main(String[] args) throws Exception {
        byte[] snapshot = Files.readAllBytes(Path.of(args[0]));
        try (Sandbox sandbox = Sandbox.restore(snapshot, SnapshotTest.config(Engine.AOT).build())) {
            System.out.println(sandbox.eval(args[1]).display());
        }
    }
}

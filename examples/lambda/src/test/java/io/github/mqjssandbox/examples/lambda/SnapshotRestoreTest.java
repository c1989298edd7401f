package io.github.mqjssandbox.examples.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * Two JVMs restored from one snapshot must not repeat each other's {@code Math.random}.
 *
 * <p>This JVM cannot checkpoint, so the test simulates one: the state a snapshot freezes, here
 * the seed source and the CRaC context with the resources registered on it, is copied with Java
 * serialization after the "init phase" has used it, and each restore is a fresh copy of those
 * same bytes whose context is then told {@code afterRestore}, as the JDK does. The generator is
 * SHA1PRNG, whose whole state is in its fields (a serialized copy continues exactly where the
 * original stood): in a real memory snapshot every generator is such a copy. See README.md.
 */
class SnapshotRestoreTest {
    private static final String THREE_DRAWS = "[Math.random(), Math.random(), Math.random()]";

    /** What the simulated snapshot holds: the handler's seed source and the CRaC context. */
    private record JvmState(SeedSource seeds, SimulatedCracContext crac) implements Serializable {
        String mathRandomOfNextInvocation() {
            ScriptResult result = new ScriptHandler(seeds).handleRequest(new ScriptRequest(THREE_DRAWS), new FakeContext());
            assertTrue(result.isOk(), result::getErrorMessage);
            return result.getValueJson();
        }
    }

    @Test
    void withoutTheRenewalTwoRestoresOfOneSnapshotRepeatMathRandom() throws Exception {
        JvmState initialised = initPhase(false);
        byte[] snapshot = checkpoint(initialised);

        String first = restore(snapshot).mathRandomOfNextInvocation();
        String second = restore(snapshot).mathRandomOfNextInvocation();

        // the hazard the renewal exists for, reproduced by this simulation
        assertEquals(first, second);
    }

    @Test
    void withTheRenewalTwoRestoresOfOneSnapshotDrawDifferentNumbers() throws Exception {
        JvmState initialised = initPhase(true);
        byte[] snapshot = checkpoint(initialised);

        String first = restore(snapshot).mathRandomOfNextInvocation();
        String second = restore(snapshot).mathRandomOfNextInvocation();

        assertNotEquals(first, second);
    }

    /** The init phase: the seed source made, optionally the renewal registered, one invocation served. */
    private static JvmState initPhase(boolean registerRenewal) throws NoSuchAlgorithmException {
        JvmState state = new JvmState(new SeedSource(SecureRandom.getInstance("SHA1PRNG")), new SimulatedCracContext());
        if (registerRenewal) {
            SeedRenewal.registerFor(state.seeds(), state.crac());
        }
        state.mathRandomOfNextInvocation(); // priming, as a SnapStart function does before its snapshot
        return state;
    }

    private static byte[] checkpoint(JvmState state) throws Exception {
        state.crac().beforeCheckpoint(null);
        ByteArrayOutputStream image = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(image)) {
            out.writeObject(state);
        }
        return image.toByteArray();
    }

    private static JvmState restore(byte[] snapshot) throws Exception {
        JvmState state;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(snapshot))) {
            state = (JvmState) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError("the simulated snapshot does not restore", e);
        }
        state.crac().afterRestore(null);
        return state;
    }
}

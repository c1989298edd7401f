package io.github.mqjssandbox.examples.lambda;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.crac.CheckpointException;
import org.crac.Context;
import org.crac.Resource;
import org.crac.RestoreException;

/**
 * Stands in for the JDK's global CRaC context, which this JVM lacks (org.crac's fallback never
 * calls back): keeps its registrations and notifies them as a checkpoint and a restore would.
 * Serializable so that it travels inside a simulated snapshot with the resources it holds.
 */
final class SimulatedCracContext extends Context<Resource> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<Resource> resources = new ArrayList<>();

    @Override
    public void register(Resource resource) {
        resources.add(resource);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws CheckpointException {
        for (Resource resource : resources) {
            try {
                resource.beforeCheckpoint(this);
            } catch (Exception e) {
                CheckpointException failed = new CheckpointException();
                failed.addSuppressed(e);
                throw failed;
            }
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) throws RestoreException {
        for (Resource resource : resources) {
            try {
                resource.afterRestore(this);
            } catch (Exception e) {
                RestoreException failed = new RestoreException();
                failed.addSuppressed(e);
                throw failed;
            }
        }
    }
}

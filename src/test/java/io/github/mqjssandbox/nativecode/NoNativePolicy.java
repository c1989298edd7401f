package io.github.mqjssandbox.nativecode;

import java.security.CodeSource;
import java.security.Permission;
import java.security.Policy;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A policy that grants everything except loading native code ({@code loadLibrary.*}) and
 * creating class loaders ({@code createClassLoader}), and records each refusal. The JDK's own
 * modules keep every permission, as under any real policy: code of the JDK that loads its own
 * libraries or makes its own loaders in a privileged block is the JVM, not the library.
 *
 * <p>A refusal is recorded even if the code that asked catches the SecurityException, so a
 * test sees attempts, not only failures.
 */
@SuppressWarnings("removal")
final class NoNativePolicy extends Policy {
    private final List<String> refusals = new ArrayList<>();

    static boolean forbidden(Permission permission) {
        return permission instanceof RuntimePermission
                && (permission.getName().equals("createClassLoader") || permission.getName().startsWith("loadLibrary."));
    }

    private static boolean isJdk(ProtectionDomain domain) {
        CodeSource source = domain.getCodeSource();
        return source == null || source.getLocation() == null || "jrt".equals(source.getLocation().getProtocol());
    }

    @Override
    public boolean implies(ProtectionDomain domain, Permission permission) {
        if (!forbidden(permission) || isJdk(domain)) {
            return true;
        }
        String asker = StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().startsWith("java.") && !f.getClassName().startsWith("jdk.")
                        && !f.getClassName().startsWith("sun.") && !f.getClassName().equals(NoNativePolicy.class.getName()))
                .findFirst()
                .map(f -> f.getClassName() + "." + f.getMethodName())
                .orElse("?"));
        synchronized (refusals) {
            refusals.add(permission.getName() + " asked by " + asker);
        }
        return false;
    }

    List<String> refusals() {
        synchronized (refusals) {
            return List.copyOf(refusals);
        }
    }

    /** Runs {@code body} with this policy and a Security Manager installed, then removes both. */
    void enforceDuring(Runnable body) {
        Policy previous = Policy.getPolicy();
        Policy.setPolicy(this);
        try {
            System.setSecurityManager(new SecurityManager());
            try {
                body.run();
            } finally {
                System.setSecurityManager(null);
            }
        } finally {
            Policy.setPolicy(previous);
        }
    }

    /** Why a Security Manager cannot be installed in this JVM, if it cannot. */
    static Optional<String> unavailable() {
        if (Runtime.version().feature() >= 24) {
            return Optional.of("JDK " + Runtime.version().feature() + " has no Security Manager (JEP 486)");
        }
        return Optional.empty();
    }
}

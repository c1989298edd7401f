package io.github.mqjssandbox;

/**
 * The first result in a fresh JVM, through the library: prints the wall clock (epoch milliseconds)
 * when main starts and when the first {@code eval("1+2")} of the first sandbox has returned, so a
 * launcher that notes the clock before starting the JVM can tell JVM start-up from library time
 * (soak/cold-start.sh does). {@code -Dprobe.compatPrelude=false} measures a sandbox without the
 * compatibility prelude.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {}

    public static void main(String[] args) {
        long atMain = System.currentTimeMillis();
        boolean prelude = Boolean.parseBoolean(System.getProperty("probe.compatPrelude", "true"));
        try (Sandbox sandbox = Sandbox.create(SandboxConfig.builder().compatPrelude(prelude).build())) {
            String value = sandbox.eval("1+2").display();
            long atResult = System.currentTimeMillis();
            System.out.println("value=" + value + " main=" + atMain + " result=" + atResult);
        }
    }
}

package io.github.mqjssandbox;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Run in a JVM of its own by {@link TypedJsonLazinessTest}: uses the JsonNode API (host
 * function, eval, call, values, errors) and, with the argument {@code typed}, a typed host
 * function and result too, then prints what it got.
 */
public final class MapperLoadingProbe {
    private MapperLoadingProbe() {}

    public static void main(String[] args) {
        boolean typed = args.length > 0 && args[0].equals("typed");
        SandboxConfig.Builder config = SandboxConfig.builder()
                .hostFunction("upper", a -> TextNode.valueOf(a.get(0).asText().toUpperCase()))
                .hostFunction("refuse", a -> {
                    throw new HostFunctionError("refused");
                });
        if (typed) {
            config.hostFunction("twice", Integer.class, Integer.class, n -> n * 2);
        }
        try (Sandbox sandbox = Sandbox.create(config.build())) {
            StringBuilder out = new StringBuilder();
            out.append(sandbox.eval("upper('ok')").value().textValue());
            sandbox.eval("function inc(x) { return x + 1; }");
            out.append(' ').append(sandbox.call("inc", IntNode.valueOf(1)).value().intValue());
            try {
                sandbox.eval("refuse()");
            } catch (HostFunctionException e) {
                out.append(' ').append(e.jsMessage());
            }
            if (typed) {
                out.append(' ').append(sandbox.eval("twice(21)", Integer.class));
            }
            System.out.println("probe: " + out);
        }
    }
}

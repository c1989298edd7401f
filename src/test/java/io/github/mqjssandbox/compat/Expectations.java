package io.github.mqjssandbox.compat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mqjssandbox.internal.JsonTrees;

/** The assertion a call gets: Node's result, or the documented deviation from it. */
final class Expectations {
    private Expectations() {}

    /**
     * Without a {@code differs} annotation the sandbox must give what Node gives. With one, it
     * must give exactly that instead (an error name, or a JSON value), and Node something else:
     * so a deviation that goes away is noticed, and its documentation updated.
     */
    static void check(CallsFile.Call call, JobResult.CallResult node, JobResult.CallResult sandbox) {
        if (call.differs() == null) {
            assertTrue(sandbox.sameAs(node), () -> call.source() + "\n  " + difference(node, sandbox));
            return;
        }
        JobResult.CallResult documented = documented(call.differs());
        assertTrue(documented.sameAs(sandbox),
                () -> call.source() + "\n  documented: " + documented + "\n  sandbox:    " + sandbox);
        assertFalse(node.sameAs(sandbox), () -> call.source() + " now matches Node: " + node + "; drop its 'differs'");
    }

    /** Where two results part: the first differing element, for the long arrays the case files make. */
    static String difference(JobResult.CallResult node, JobResult.CallResult sandbox) {
        if (node.json() == null || sandbox.json() == null) {
            return "Node:    " + node + "\n  sandbox: " + sandbox;
        }
        return firstDifference("", node.json(), sandbox.json());
    }

    private static String firstDifference(String path, JsonNode a, JsonNode b) {
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                if (!a.get(i).equals(b.get(i))) {
                    return firstDifference(path + "[" + i + "]", a.get(i), b.get(i));
                }
            }
        }
        return "at " + (path.isEmpty() ? "the top" : path) + ": Node " + clip(a) + ", sandbox " + clip(b);
    }

    private static String clip(JsonNode node) {
        String text = node.toString();
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }

    /** "TypeError" (an error of that name) or a JSON value. */
    private static JobResult.CallResult documented(String differs) {
        if (differs.matches("[A-Za-z]*Error")) {
            return JobResult.CallResult.thrown(differs);
        }
        try {
            return JobResult.CallResult.value(JsonTrees.parse(differs));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("'differs' is neither an error name nor JSON: " + differs, e);
        }
    }
}

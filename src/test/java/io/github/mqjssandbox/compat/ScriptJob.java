package io.github.mqjssandbox.compat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * What both the sandbox and Node run the same way: scripts in order (the first that throws ends
 * the loading), then each call as a script of its own, its completion value the result.
 */
record ScriptJob(String name, List<Script> scripts, List<String> calls) {

    /** A script given as text, or as a file read unmodified. */
    record Script(String name, String source, Path path) {
        static Script ofSource(String name, String source) {
            return new Script(name, source, null);
        }

        static Script ofFile(Path path) {
            return new Script(path.getFileName().toString(), null, path);
        }
    }

    /** The job as vm-oracle.mjs reads it. */
    ObjectNode toJson() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ArrayNode scriptNodes = json.arrayNode();
        for (Script script : scripts) {
            ObjectNode node = scriptNodes.addObject().put("name", script.name());
            if (script.path() != null) {
                node.put("path", script.path().toAbsolutePath().toString());
            } else {
                node.put("source", script.source());
            }
        }
        ObjectNode node = json.objectNode().put("name", name);
        node.set("scripts", scriptNodes);
        ArrayNode callNodes = node.putArray("calls");
        calls.forEach(callNodes::add);
        return node;
    }
}

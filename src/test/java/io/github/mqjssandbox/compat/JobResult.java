package io.github.mqjssandbox.compat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** How a {@link ScriptJob} went, in the sandbox or in Node: the same shape for both. */
record JobResult(String name, String loadError, List<CallResult> results) {

    /** One call's result: a JSON value, undefined, or an error as "Name: message". */
    record CallResult(JsonNode json, boolean undefined, String error) {
        static CallResult value(JsonNode json) {
            return new CallResult(json, false, null);
        }

        static CallResult undefinedValue() {
            return new CallResult(null, true, null);
        }

        static CallResult thrown(String error) {
            return new CallResult(null, false, error);
        }

        boolean isError() {
            return error != null;
        }

        /** The error's name: engines word their messages differently, so only names are compared. */
        String errorName() {
            int colon = error.indexOf(':');
            return colon < 0 ? error : error.substring(0, colon);
        }

        /** Same value, both undefined, or errors of the same name. */
        boolean sameAs(CallResult other) {
            if (isError() || other.isError()) {
                return isError() && other.isError() && errorName().equals(other.errorName());
            }
            return undefined ? other.undefined : !other.undefined && json.equals(other.json);
        }

        @Override
        public String toString() {
            return isError() ? "thrown " + error : undefined ? "undefined" : json.toString();
        }
    }
}

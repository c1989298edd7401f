package io.github.mqjssandbox;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Java types the typed API tests map scripts' values to and from. */
final class TypedFixtures {
    private TypedFixtures() {}

    public enum Tier { BRONZE, SILVER, GOLD }

    public record Customer(String id, String name, Tier tier, double creditLimit, List<String> tags) {}

    public record OrderLine(String sku, int quantity) {}

    public record Order(String customerId, List<OrderLine> lines) {}

    public record Quote(double total, String currency) {}

    /** A record whose constructor checks its value, with a message meant for the script. */
    public record Percentage(double value) {
        public Percentage {
            if (value < 0 || value > 100) {
                throw new HostFunctionError("a percentage is between 0 and 100");
            }
        }
    }

    /** A record whose constructor checks its value, with a message that must stay on the Java side. */
    public record Positive(int value) {
        public Positive {
            if (value <= 0) {
                throw new IllegalArgumentException("internal detail: row 17 of table limits");
            }
        }
    }

    /** A plain bean: a no-argument constructor, getters and setters. */
    public static final class Account {
        private String owner;
        private long balance;

        public Account() {}

        public Account(String owner, long balance) {
            this.owner = owner;
            this.balance = balance;
        }

        public String getOwner() {
            return owner;
        }

        public void setOwner(String owner) {
            this.owner = owner;
        }

        public long getBalance() {
            return balance;
        }

        public void setBalance(long balance) {
            this.balance = balance;
        }
    }

    public static class PublicProfile {
        public String name = "Ada";
    }

    /** More than its declared type shows. */
    public static final class FullProfile extends PublicProfile {
        public String passwordHash = "5f4dcc3b";
    }

    public record Reading(double value) {}

    /** Links that can make a cycle. */
    public static final class Link {
        public Link next;

        static Link cycle() {
            Link a = new Link();
            a.next = new Link();
            a.next.next = a;
            return a;
        }
    }

    /** A base type that asks for class-name type ids: the kind of class a script must never get to choose. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
    public abstract static class Payload {}

    /** A subtype that counts its instances: none may ever be made from a script's JSON. */
    public static final class Canary extends Payload {
        static final AtomicInteger MADE = new AtomicInteger();
        public String note;

        public Canary() {
            MADE.incrementAndGet();
        }
    }

    /** Class-name type ids asked for by a property rather than a class. */
    public static final class Envelope {
        public String kind;
        @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
        public Object body;
    }

    /** Lists nested {@code depth} deep: {@code []} is 1. */
    static List<Object> nestedLists(int depth) {
        List<Object> list = new ArrayList<>();
        for (int i = 1; i < depth; i++) {
            List<Object> outer = new ArrayList<>();
            outer.add(list);
            list = outer;
        }
        return list;
    }

    /** A script expression for arrays nested {@code depth} deep. */
    static String nestedArrays(int depth) {
        return "(function () { var a = []; for (var i = 1; i < " + depth + "; i++) a = [a]; return a; })()";
    }
}

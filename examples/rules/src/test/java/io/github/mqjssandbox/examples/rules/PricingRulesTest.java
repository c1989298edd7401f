package io.github.mqjssandbox.examples.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mqjssandbox.ErrorKind;
import io.github.mqjssandbox.HostFunctionException;
import io.github.mqjssandbox.JsException;
import io.github.mqjssandbox.LimitExceededException;
import io.github.mqjssandbox.ResultMappingException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricingRulesTest {
    private static final Order ADA = RulesDemo.ORDERS.get(0);
    private static final Order BO = RulesDemo.ORDERS.get(1);

    private static PricingRules rules(String source) {
        return new PricingRules(source, RulesDemo.DIRECTORY);
    }

    @Test
    void eachTenantPricesWithItsOwnRule() {
        try (PricingRules acme = rules(RulesDemo.rule("acme")); PricingRules globex = rules(RulesDemo.rule("globex"))) {
            assertEquals(new Price(69.83, 11.4, List.of("gold", "loyal")), acme.price(ADA));
            assertEquals(new Price(142.8, 0, List.of()), acme.price(BO));
            assertEquals(new Price(76, 0, List.of()), globex.price(ADA));
            assertEquals(new Price(114, 6, List.of("bulk tea")), globex.price(BO));
        }
    }

    @Test
    void aRuleWhoseAnswerIsNotAPriceIsRefusedWithThePath() {
        try (PricingRules broken = rules(RulesDemo.rule("broken"))) {
            ResultMappingException e = assertThrows(ResultMappingException.class, () -> broken.price(ADA));
            assertEquals(ErrorKind.MAPPING, e.kind());
            assertEquals("$.total", e.path());
            assertEquals("the result does not map to Price (at $.total: expected double, got \"free\")", e.getMessage());
        }
    }

    @Test
    void aRuleThatMisusesAHostFunctionGetsAnErrorItCanRead() {
        String source = "function price(order) { var c = lookup({id: order.customerId}); return {total: 0, discount: 0, reasons: []}; }";
        try (PricingRules rule = rules(source)) {
            HostFunctionException e = assertThrows(HostFunctionException.class, () -> rule.price(ADA));
            assertEquals("lookup", e.functionName());
            assertEquals("host function 'lookup': its argument does not map to String (at $: expected String, got an object)",
                    e.jsMessage());
        }
        String catching = "function price(order) { try { lookup(1, 2); } catch (e) { return {total: 0, discount: 0, reasons: [e.message]}; } }";
        try (PricingRules rule = rules(catching)) {
            assertEquals(List.of("host function 'lookup' takes one argument (String), got 2"), rule.price(ADA).reasons());
        }
    }

    @Test
    void aRuleThatThrowsOrNeverEndsIsStopped() {
        try (PricingRules acme = rules(RulesDemo.rule("acme"))) {
            JsException unknown = assertThrows(JsException.class, () -> acme.price(new Order("c-9", List.of())));
            assertEquals("unknown customer c-9", unknown.jsMessage());
        }
        try (PricingRules endless = rules("function price(order) { for (;;) {} }")) {
            assertThrows(LimitExceededException.class, () -> endless.price(ADA));
        }
    }

    @Test
    void theDemoRuns() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            RulesDemo.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("acme c-1: total 69.83, discount 11.40 [gold, loyal]"), printed);
        assertTrue(printed.contains("globex c-2: total 114.00, discount 6.00 [bulk tea]"), printed);
        assertTrue(printed.contains("broken c-1: refused (mapping): the result does not map to Price"), printed);
    }
}

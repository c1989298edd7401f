package io.github.mqjssandbox.internal.wasm;

import io.github.mqjssandbox.Engine;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxConfig;
import java.time.Duration;
import java.util.List;

/**
 * Runs short scripts that reach most of the engine (parser, interpreter, objects, arrays,
 * strings, JSON, regex, exceptions, numbers, dates, typed arrays, the collector) in the plain and
 * the fuel-metered AOT module, so that a JVM started by {@link C1CompilabilityTest} with
 * {@code -Xcomp} compiles every engine function they call. Short, because code compiled at C1's
 * profiling tier runs many times slower than usual. Prints "probe ok N" when all N ran.
 */
public final class C1CompileProbe {
    static final List<String> SCRIPTS = List.of(
            "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); } fib(12)",
            "var s = 0; for (var i = 0; i < 2000; i++) { s += i % 7; } do { s--; } while (s > 10); s",
            "var o = { a: 1, b: 'two', c: [1, 2, 3] }; o.d = o.a + 1; delete o.b; var k = [];"
                    + " for (var p in o) k.push(p); Object.keys(o).join() + k.length + ('a' in o)",
            "var a = []; for (var i = 0; i < 300; i++) a.push((i * 7919) % 101); a.sort(function (x, y) { return x - y; });"
                    + " a.slice(3, 9).concat(a.splice(0, 2)).reverse().indexOf(5) + a.filter(function (x) { return x & 1; }).length"
                    + " + a.map(String).join('').length + a.reduce(function (p, x) { return p + x; }, 0)",
            "var s = 'Hello, World'; s.toUpperCase() + s.toLowerCase() + s.split(', ').join('|') + s.charCodeAt(4)"
                    + " + s.substring(2, 5) + s.indexOf('o', 5) + s.replace('World', 'there') + s.trim() + s.repeat(2)"
                    + " + String.fromCharCode(65, 0x263a) + encodeURIComponent('a b&c') + escape('ü')",
            "var t = JSON.stringify({ x: [1, 2.5, 'q', null, true, { y: '\\u00e9' }], z: -0 }, null, 2);"
                    + " JSON.stringify(JSON.parse(t)) + JSON.parse('[1e3, \"\\\\n\"]')[0]",
            "var r = /(\\w+)@(\\w+)\\.com/g; var m, out = []; var text = 'a@b.com, cc@dd.com';"
                    + " while ((m = r.exec(text)) !== null) out.push(m[2]); out.join() + 'x-y-z'.replace(/-/g, function (c) { return '+'; })"
                    + " + /^[a-f0-9]{2,}$/i.test('BEEF') + 'a1b22c333'.match(/\\d+/g).length + 'a,b;c'.split(/[,;]/).length",
            "var e1; try { null.x; } catch (e) { e1 = e.name + e.message; } try { throw new RangeError('r'); }"
                    + " catch (e2) { e1 += e2 instanceof RangeError; } finally { e1 += '!'; } e1 + (function () { try { return 1; } finally { } })()",
            "(0.1 + 0.2).toFixed(10) + (255).toString(16) + parseInt('z', 36) + parseFloat('3.5e2') + Math.sqrt(2)"
                    + " + Math.pow(2, 0.5) + Math.floor(-1.5) + Math.max(1, 5, 3) + (1e21).toString() + (123.456).toPrecision(4)"
                    + " + (-7 >> 1) + (-7 >>> 28) + Number('0x1f') + isNaN('x') + (5).toExponential(2)",
            "var d = new Date(2020, 1, 29, 12, 30); d.getTime() + d.getDay() + d.toISOString() + Date.UTC(2000, 0, 1)",
            "var b = new Uint8Array(16); for (var i = 0; i < 16; i++) b[i] = i * 17; var f = new Float64Array(4);"
                    + " f[1] = Math.PI; var i32 = new Int32Array(b.buffer); i32[1] + f[1] + b.subarray(2, 4).length",
            "var keep = []; for (var i = 0; i < 20000; i++) { var g = { i: i, s: 'v' + i }; if (i % 100 === 0) keep.push(g); }"
                    + " keep.length + keep[5].s",
            "function C(x) { this.x = x; } C.prototype.get = function () { return this.x; };"
                    + " var c = new C(4); var f = c.get.bind({ x: 9 }); c.get() + f() + C.prototype.isPrototypeOf(c)"
                    + " + Object.getPrototypeOf(c).constructor.name + (function () { return arguments.length; }).apply(null, [1, 2])"
                    + " + Object.defineProperty({}, 'q', { get: function () { return 3; } }).q"
                    + " + (1, eval)('1 + 2') + typeof undefined + [1, [2, [3]]].toString() + Array.isArray([])",
            "var log = []; var p = { toString: function () { return 'P'; } }; log.push(p + ''); log.push(String(new Error('m')));"
                    + " switch (log.length) { case 1: log.push('one'); break; case 2: log.push('two'); break; default: log.push('?'); }"
                    + " log.join(':')");

    private C1CompileProbe() {}

    public static void main(String[] args) {
        SandboxConfig plain = SandboxConfig.builder().engine(Engine.AOT).evaluateOnCallerThread(true)
                .timeout(Duration.ofMinutes(3)).build(); // C1's profiling code is slow
        SandboxConfig metered = plain.newBuilder().fuelLimit(SandboxConfig.MAX_FUEL_LIMIT).build();
        for (SandboxConfig config : List.of(plain, metered)) {
            for (String script : SCRIPTS) {
                try (Sandbox sandbox = Sandbox.create(config)) {
                    sandbox.eval(script);
                }
            }
        }
        System.out.println("probe ok " + SCRIPTS.size());
    }
}

// String.prototype.repeat (upstream ee50431, reachable once our globals table lists it).
var r = ["ab".repeat(2), "x".repeat(0), "-".repeat(3) + "|"];
try { "a".repeat(-1); } catch (e) { r.push(e.name + ": " + e.message); }
JSON.stringify(r);

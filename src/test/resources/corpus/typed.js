var f = new Float64Array([1.5, -2.25, 1e-10]);
var i8 = new Int8Array([127, 128, -129]);
var u8c = new Uint8ClampedArray([-5, 300, 1.5]);
var shared = new ArrayBuffer(8);
var a = new Uint8Array(shared), b = new Uint32Array(shared);
b[0] = 0x01020304;
[f.join(), i8.join(), u8c.join(), a.join(), b.length, f.subarray(1).length].join(' ; ');

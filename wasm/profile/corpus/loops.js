// Counting loops, nested loops, while/do-while, switch dispatch, bit operations.
var limit = 60000, sieve = [], primes = 0, i, j;
for (i = 0; i <= limit; i++) sieve[i] = true;
for (i = 2; i <= limit; i++) {
  if (!sieve[i]) continue;
  primes++;
  for (j = i * 2; j <= limit; j += i) sieve[j] = false;
}
var acc = 0, k = 0;
while (k < 150000) { acc = (acc + k * 7) % 1000003; k++; }
var bits = 0; k = 0;
do { bits ^= (k << 3) | (k >>> 2); bits &= 0xffffff; k += 3; } while (k < 100000);
var kinds = [0, 0, 0, 0];
for (i = 0; i < 50000; i++) {
  switch (i % 5) {
    case 0: kinds[0]++; break;
    case 1: case 2: kinds[1] += 2; break;
    case 3: kinds[2]--; break;
    default: kinds[3] = kinds[3] + i;
  }
}
var f = 0.5;
for (i = 0; i < 40000; i++) f = f * 1.0000001 + i / 3;
[primes, acc, bits, kinds.join(','), Math.floor(f)].join(' ');

function level3(o) { return o.missing.deeper; }
function level2(o) { return level3(o); }
print('before');
level2({});

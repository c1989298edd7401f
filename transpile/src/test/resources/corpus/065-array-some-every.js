const temps = [18, 21, 25, 19];
[temps.some((t) => t > 24), temps.every((t) => t > 15), temps.every((t) => t > 20)];

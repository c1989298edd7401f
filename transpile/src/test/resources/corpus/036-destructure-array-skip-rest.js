const scores = [98, 85, 77, 64, 50];
const [best, , third, ...others] = scores;
({ best, third, others });

// needs: Object.freeze
const Status = Object.freeze({ ACTIVE: 'active', INACTIVE: 'inactive' });
const toggle = (s) => (s === Status.ACTIVE ? Status.INACTIVE : Status.ACTIVE);
[toggle(Status.ACTIVE), toggle(Status.INACTIVE)];

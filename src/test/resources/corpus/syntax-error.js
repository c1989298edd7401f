var fine = 1;
function broken( {
  return fine;
}

/**
 * Where each län sits in the tile map: one equal tile per län on a 4 × 8 grid, roughly geographic, placed so that
 * most neighbouring län share a tile edge (a grid cannot make all 33 neighbour pairs touch; the rest meet at a corner).
 */
export const TILE_COLUMNS = 4;
export const TILE_ROWS = 8;

/** SCB code → [column, row], both from 0 (north-west). */
export const TILE_POSITIONS: Readonly<Record<string, readonly [number, number]>> = {
  "25": [2, 0], // Norrbotten
  "24": [2, 1], // Västerbotten
  "23": [1, 2], // Jämtland
  "22": [2, 2], // Västernorrland
  "20": [1, 3], // Dalarna
  "21": [2, 3], // Gävleborg
  "17": [0, 4], // Värmland
  "18": [1, 4], // Örebro
  "19": [2, 4], // Västmanland
  "03": [3, 4], // Uppsala
  "14": [0, 5], // Västra Götaland
  "05": [1, 5], // Östergötland
  "04": [2, 5], // Södermanland
  "01": [3, 5], // Stockholm
  "13": [0, 6], // Halland
  "06": [1, 6], // Jönköping
  "08": [2, 6], // Kalmar
  "09": [3, 6], // Gotland (an island: its tile touches Kalmar's only on the grid)
  "12": [0, 7], // Skåne
  "07": [1, 7], // Kronoberg
  "10": [2, 7], // Blekinge
};

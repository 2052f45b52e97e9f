package fr.eintervention.oi.intervention;

/** One nature/PBO/PTO triplet of an M1/M3 (nature 1=RACC, 2=SAV, 3=AUCUNE ACTION, 4=NON FOURNIE). */
record NatureEntry(int nature, String pbo, String pto) {
}

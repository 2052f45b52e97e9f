package fr.eintervention.protocol.v2;

/**
 * v2's natures of intervention (one per intervention), with their label and the v1 nature they
 * become. The contract documents 1, 2, 4, 5 and 6; 20, 21, 22, 41, 60 and 61 are taken as
 * precisions of the value they start with (decision 0026), and are lost in v1 (decision 0029).
 */
public enum Nature {
    RACC_PTO_A_CONSTRUIRE("1", "RACC PTO a construire", 1),
    RACC_PTO_EXISTANTE("2", "RACC PTO existante", 1),
    RACC_PTO_EXISTANTE_20("20", "RACC PTO existante (precision 20)", 1),
    RACC_PTO_EXISTANTE_21("21", "RACC PTO existante (precision 21)", 1),
    RACC_PTO_EXISTANTE_22("22", "RACC PTO existante (precision 22)", 1),
    SAV_OC("4", "SAV OC", 2),
    SAV_OC_41("41", "SAV OC (precision 41)", 2),
    SAV_OI("5", "SAV OI", 2),
    NON_FOURNIE("6", "NON FOURNIE", 4),
    NON_FOURNIE_60("60", "NON FOURNIE (precision 60)", 4),
    NON_FOURNIE_61("61", "NON FOURNIE (precision 61)", 4);

    /** v1's natures: 1 RACC, 2 SAV, 3 AUCUNE ACTION, 4 NON FOURNIE. */
    static final int V1_RACC = 1;
    static final int V1_SAV = 2;
    static final int V1_AUCUNE_ACTION = 3;
    static final int V1_NON_FOURNIE = 4;

    private final String code;
    private final String label;
    private final int v1;

    Nature(String code, String label, int v1) {
        this.code = code;
        this.label = label;
        this.v1 = v1;
    }

    /** The value on the wire. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The v1 nature it becomes: 1 RACC, 2 SAV or 4 NON FOURNIE. */
    public int v1() {
        return v1;
    }

    /** Whether the contract documents it (1, 2, 4, 5, 6). */
    public boolean isDocumented() {
        return code.length() == 1;
    }

    /** The nature of a wire value, or {@code null}. */
    public static Nature of(String code) {
        for (Nature nature : values()) {
            if (nature.code.equals(code)) {
                return nature;
            }
        }
        return null;
    }
}

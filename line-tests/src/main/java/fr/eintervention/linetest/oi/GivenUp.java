package fr.eintervention.linetest.oi;

/**
 * An OC the OI stopped waiting for, for one test (decisions 0035, 0036); no M6TX is sent for it.
 *
 * @param refused {@code true} when the OC refused the test (TEST_NON_REALISE) or its M4TX failed
 *                for good; {@code false} when its answer deadline passed
 */
public record GivenUp(int numeroTest, String codeOc, boolean refused) {
}

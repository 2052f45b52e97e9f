package fr.eintervention.delivery.testapp;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import fr.eintervention.credentials.Credentials;
import fr.eintervention.delivery.PartnerDirectory;
import fr.eintervention.delivery.PartnerEndpoint;
import fr.eintervention.testsupport.PartnerStub;

/**
 * The partners of the tests, each a {@link PartnerStub}, presenting basic credentials
 * ({@code code:secret}). Shared by every application of the test JVM, so that several instances
 * of the service reach the same partners; each test takes partners of its own.
 */
public class TestPartners implements PartnerDirectory {

    private static final Map<String, String> BASE_URLS = new ConcurrentHashMap<>();
    private static final AtomicInteger LAST_CODE = new AtomicInteger();

    /** A new partner code (4 characters) reached at the stub. */
    public static String add(PartnerStub stub) {
        String code = "P%03d".formatted(LAST_CODE.incrementAndGet());
        put(code, stub);
        return code;
    }

    public static void put(String code, PartnerStub stub) {
        BASE_URLS.put(code, stub.baseUrl());
    }

    /** The partner is no longer in the directory. */
    public static void remove(String code) {
        BASE_URLS.remove(code);
    }

    @Override
    public Optional<PartnerEndpoint> endpoint(String partnerCode) {
        return Optional.ofNullable(BASE_URLS.get(partnerCode))
                .map(url -> new PartnerEndpoint(url, Credentials.basic(partnerCode, "secret")));
    }
}

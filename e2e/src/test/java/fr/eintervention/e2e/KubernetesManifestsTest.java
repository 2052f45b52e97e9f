package fr.eintervention.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The deployment files of {@code deploy/kubernetes}, checked without a cluster: rendered as
 * {@code kubectl apply -k} renders them (the kustomization lists plain resources only), every
 * document read strictly into the Kubernetes API's model (fabric8's, generated from the API's
 * schemas: a field the API does not know fails) or, for the custom resources, validated against
 * the schema of their CustomResourceDefinition (CloudNativePG's Cluster, the Prometheus
 * Operator's ServiceMonitor and PrometheusRule, vendored in {@code src/test/resources/crds}).
 * Then what ties them to the services: ports and probes as each service's configuration has
 * them, credentials only from Secrets, the images the build makes, the databases' read-write
 * services, the alert rules the project keeps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesManifestsTest {

    private static final Path ROOT = SuiteBuild.ROOT;
    private static final Path MANIFESTS = ROOT.resolve("deploy/kubernetes");
    /** the services that carry the protocol: several replicas each; the demo auth-server is one */
    private static final Set<String> PROTOCOL_SERVICES = Set.of("oi-service", "oc-adapter", "do-gateway");
    /** environment variables whose value is a credential */
    private static final Pattern CREDENTIAL = Pattern.compile("(?i).*(SECRET|PASSWORD|TOKEN$|PRIVATE|CREDENTIAL).*");
    private static final Map<String, String> CRDS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", "crds/postgresql.cnpg.io_clusters.yaml",
            "monitoring.coreos.com/v1/ServiceMonitor", "crds/monitoring.coreos.com_servicemonitors.yaml",
            "monitoring.coreos.com/v1/PrometheusRule", "crds/monitoring.coreos.com_prometheusrules.yaml");

    private final ObjectMapper yaml = new YAMLMapper();
    private final List<JsonNode> documents = new ArrayList<>();
    private final List<HasMetadata> resources = new ArrayList<>();

    @BeforeAll
    void render() throws IOException {
        JsonNode kustomization = yaml.readTree(MANIFESTS.resolve("kustomization.yaml").toFile());
        Set<String> fields = new HashSet<>(kustomization.propertyNames());
        assertThat(fields).as("plain resources only: what is applied is the files as they are")
                .containsExactlyInAnyOrder("apiVersion", "kind", "resources");
        for (JsonNode file : kustomization.get("resources")) {
            try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(MANIFESTS.resolve(file.asString()).toFile())) {
                while (docs.hasNext()) {
                    JsonNode doc = docs.next();
                    if (doc != null && !doc.isEmpty()) {
                        documents.add(doc);
                    }
                }
            }
        }
        for (JsonNode doc : documents) {
            resources.add((HasMetadata) yaml.treeToValue(doc, KubernetesResource.class));
        }
    }

    @Test
    void everyManifestIsValidAgainstTheKubernetesApisSchemas() throws Exception {
        assertThat(documents).hasSizeGreaterThan(20);
        for (int i = 0; i < documents.size(); i++) {
            JsonNode doc = documents.get(i);
            HasMetadata resource = resources.get(i);
            String name = doc.path("kind").asString() + " " + doc.path("metadata").path("name").asString();
            String crd = CRDS.get(doc.path("apiVersion").asString() + "/" + doc.path("kind").asString());
            if (crd != null) {
                assertThat(schemaErrors(crd, doc)).as(name).isEmpty();
                assertThat(unknownFields(crdSchema(crd), doc, name)).as(name + ": fields its schema does not know").isEmpty();
            } else {
                assertThat(resource).as(name + ": a kind of the Kubernetes API").isNotInstanceOf(GenericKubernetesResource.class);
                assertThat(unknownFields(resource, name)).as(name + ": fields the API does not know").isEmpty();
            }
            assertThat(resource.getMetadata().getName()).as(name + ": a DNS name").matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        }
    }

    @Test
    void eachProtocolServiceRunsSeveralReplicasThatStopGracefullyWithinABudgetAndAnAutoscaler() {
        for (Deployment deployment : all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            var pod = deployment.getSpec().getTemplate().getSpec();
            Container container = pod.getContainers().get(0);
            if (!PROTOCOL_SERVICES.contains(name)) {
                assertThat(name).as("the only other Deployment: the demo auth-server").isEqualTo("auth-server");
                continue;
            }
            assertThat(deployment.getSpec().getReplicas()).as(name).isGreaterThanOrEqualTo(2);
            int preStop = container.getLifecycle().getPreStop().getSleep().getSeconds().intValue();
            // preStop, then the web server's graceful drain (30 s) and the delivery engine's shutdown timeout (10 s)
            assertThat(pod.getTerminationGracePeriodSeconds()).as(name + ": grace period").isGreaterThanOrEqualTo(preStop + 30 + 10);
            assertThat(all(PodDisruptionBudget.class)).as(name + ": a disruption budget")
                    .anySatisfy(budget -> assertThat(budget.getSpec().getSelector().getMatchLabels())
                            .isEqualTo(deployment.getSpec().getSelector().getMatchLabels()));
            assertThat(all(HorizontalPodAutoscaler.class)).as(name + ": an autoscaler on CPU").anySatisfy(hpa -> {
                assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
                assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
                assertThat(hpa.getSpec().getMetrics()).anySatisfy(metric ->
                        assertThat(metric.getResource().getName()).isEqualTo("cpu"));
                // the pace per replica is the partners' pace shared by the autoscaler's most replicas
                assertThat(env(container, "EINTERVENTION_DELIVERY_INSTANCES").getValue())
                        .isEqualTo(String.valueOf(hpa.getSpec().getMaxReplicas()));
            });
            assertThat(container.getResources().getRequests()).as(name + ": CPU requested (the autoscaler's base)").containsKey("cpu");
            assertThat(env(container, "EINTERVENTION_DELIVERY_INSTANCEID").getValueFrom().getFieldRef().getFieldPath())
                    .as(name + ": each replica named in the leases by its pod").isEqualTo("metadata.name");
            assertThat(all(NetworkPolicy.class)).as(name + ": a network policy of its own").anySatisfy(policy ->
                    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                            .isEqualTo(deployment.getSpec().getSelector().getMatchLabels()));
        }
    }

    @Test
    void probesAndPortsAreThoseOfEachServicesConfiguration() {
        for (Deployment deployment : all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            JsonNode config = SuiteBuild.configuration(name);
            assertThat(config.path("management").path("endpoint").path("health").path("probes").path("enabled").asBoolean())
                    .as(name + ": the liveness and readiness groups are on").isTrue();
            assertThat(config.path("management").has("server")).as(name + ": actuator on the server's port").isFalse();
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            int containerPort = container.getPorts().get(0).getContainerPort();
            assertThat(Integer.parseInt(env(container, "PORT").getValue())).as(name + ": PORT").isEqualTo(containerPort);
            assertThat(SuiteBuild.port(name)).as(name + ": its default port").isEqualTo(containerPort);
            assertThat(container.getPorts().get(0).getName()).isEqualTo("http");
            for (Probe probe : List.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())) {
                HTTPGetAction get = probe.getHttpGet();
                assertThat(get.getPort().getStrVal()).as(name + ": probes on the service's port").isEqualTo("http");
                assertThat(get.getPath()).isIn("/actuator/health/liveness", "/actuator/health/readiness");
            }
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            Service service = all(Service.class).stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst().orElseThrow();
            assertThat(service.getSpec().getPorts().get(0).getPort()).as(name + ": its Service").isEqualTo(containerPort);
            assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        }
    }

    @Test
    void credentialsComeOnlyFromSecretsNeverFromTheManifests() {
        assertThat(all(Secret.class)).as("no Secret with its values in the files: they are created apart").isEmpty();
        for (Deployment deployment : all(Deployment.class)) {
            for (EnvVar variable : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                if (CREDENTIAL.matcher(variable.getName()).matches()) {
                    assertThat(variable.getValue()).as(deployment.getMetadata().getName() + " " + variable.getName()).isNull();
                    assertThat(variable.getValueFrom().getSecretKeyRef()).as(variable.getName() + " from a Secret").isNotNull();
                }
            }
        }
        for (JsonNode doc : documents) {
            assertThat(doc.toString()).as("no demo secret").doesNotContainPattern("demo-[a-z0-9]+-secret");
        }
    }

    @Test
    void imagesAreTheOnesTheBuildMakes() {
        for (Deployment deployment : all(Deployment.class)) {
            String module = deployment.getMetadata().getName();
            assertThat(ROOT.resolve(module).resolve("pom.xml")).as("a module of the build").exists();
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                    .isEqualTo(SuiteBuild.image(module));
        }
    }

    @Test
    void eachServiceConnectsToItsHighlyAvailableDatabaseThroughItsReadWriteService() {
        Map<String, JsonNode> clusters = new HashMap<>();
        documents.stream().filter(doc -> doc.path("kind").asString().equals("Cluster"))
                .forEach(doc -> clusters.put(doc.path("metadata").path("name").asString(), doc));
        assertThat(clusters).hasSize(PROTOCOL_SERVICES.size());
        for (Deployment deployment : all(Deployment.class)) {
            if (!PROTOCOL_SERVICES.contains(deployment.getMetadata().getName())) {
                continue;
            }
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            Matcher url = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw:5432/([a-z0-9_]+)").matcher(env(container, "SPRING_DATASOURCE_URL").getValue());
            assertThat(url.matches()).as(deployment.getMetadata().getName() + ": a cluster's read-write service").isTrue();
            JsonNode cluster = clusters.get(url.group(1));
            assertThat(cluster).as("the CloudNativePG cluster " + url.group(1)).isNotNull();
            assertThat(cluster.path("spec").path("instances").asInt()).isGreaterThanOrEqualTo(3);
            assertThat(cluster.path("spec").path("bootstrap").path("initdb").path("database").asString()).isEqualTo(url.group(2));
            for (String credential : List.of("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD")) {
                assertThat(env(container, credential).getValueFrom().getSecretKeyRef().getName())
                        .as("the credentials CloudNativePG generates").isEqualTo(url.group(1) + "-app");
            }
            assertThat(env(container, "EINTERVENTION_EMBEDDED_POSTGRES_ENABLED").getValue()).isEqualTo("false");
        }
    }

    @Test
    void thePrometheusRuleIsTheProjectsAlertRules() throws IOException {
        JsonNode alerts = yaml.readTree(ROOT.resolve("deploy/prometheus/eintervention-alerts.yml").toFile());
        JsonNode rule = documents.stream().filter(doc -> doc.path("kind").asString().equals("PrometheusRule")).findFirst().orElseThrow();
        assertThat(rule.path("spec").path("groups")).isEqualTo(alerts.path("groups"));
        JsonNode monitor = documents.stream().filter(doc -> doc.path("kind").asString().equals("ServiceMonitor")).findFirst().orElseThrow();
        assertThat(monitor.path("spec").path("endpoints").get(0).path("path").asString()).isEqualTo("/actuator/prometheus");
        for (Service service : all(Service.class)) {
            boolean scraped = "true".equals(service.getMetadata().getLabels().get("eintervention.fr/metrics"));
            assertThat(scraped).as(service.getMetadata().getName() + " scraped").isEqualTo(PROTOCOL_SERVICES.contains(service.getMetadata().getName()));
        }
    }

    private <T> List<T> all(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static EnvVar env(Container container, String name) {
        return container.getEnv().stream().filter(variable -> variable.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + ": no " + name));
    }

    /** Fields fabric8's model did not know (kept aside in additionalProperties), by path. */
    private static List<String> unknownFields(Object model, String path) {
        List<String> unknown = new ArrayList<>();
        collectUnknown(model, path, unknown, new IdentityHashMap<>());
        return unknown;
    }

    private static void collectUnknown(Object model, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (model == null || seen.put(model, true) != null) {
            return;
        }
        if (model instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknown(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (model instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collectUnknown(value, path + "." + key, unknown, seen));
            return;
        }
        if (!model.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : model.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object value = getter.invoke(model);
                if (getter.getName().equals("getAdditionalProperties")) {
                    ((Map<?, ?>) value).keySet().forEach(key -> unknown.add(path + "." + key));
                } else {
                    collectUnknown(value, path + "." + getter.getName().substring(3), unknown, seen);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final Map<String, JsonNode> crdSchemas = new HashMap<>();

    /** The openAPIV3Schema of the served version of a vendored CustomResourceDefinition. */
    private JsonNode crdSchema(String resource) {
        return crdSchemas.computeIfAbsent(resource, path -> {
            try (var in = getClass().getClassLoader().getResourceAsStream(path)) {
                JsonNode crd = yaml.readTree(in);
                return crd.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private List<String> schemaErrors(String resource, JsonNode doc) {
        Schema validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(yaml.writeValueAsString(crdSchema(resource)), InputFormat.YAML);
        return validator.validate(doc).stream().map(Error::toString).toList();
    }

    /** Fields of the document its schema does not declare (Kubernetes would drop them without a word). */
    private static List<String> unknownFields(JsonNode schema, JsonNode doc, String path) {
        List<String> unknown = new ArrayList<>();
        collectUnknown(schema, doc, path, unknown);
        return unknown;
    }

    private static void collectUnknown(JsonNode schema, JsonNode doc, String path, List<String> unknown) {
        if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            return;
        }
        if (doc.isObject()) {
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            doc.propertyNames().forEach(field -> {
                if (properties.has(field)) {
                    collectUnknown(properties.get(field), doc.get(field), path + "." + field, unknown);
                } else if (additional.isObject()) {
                    collectUnknown(additional, doc.get(field), path + "." + field, unknown);
                } else if (!(path.endsWith(".metadata") && Set.of("name", "labels", "annotations", "namespace").contains(field))) {
                    unknown.add(path + "." + field);
                }
            });
        } else if (doc.isArray() && schema.has("items")) {
            for (int i = 0; i < doc.size(); i++) {
                collectUnknown(schema.get("items"), doc.get(i), path + "[" + i + "]", unknown);
            }
        }
    }
}

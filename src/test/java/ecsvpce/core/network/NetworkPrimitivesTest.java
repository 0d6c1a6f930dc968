package ecsvpce.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.fixtures.Rules;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CIDR containment, port coverage and internet paths, which the diagnosis rests on. */
class NetworkPrimitivesTest {

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
            "10.0.0.0/16, 10.0.1.0/24, true",
            "10.0.0.0/16, 10.0.255.0/24, true",
            "10.0.0.0/16, 10.0.0.0/16, true",
            "10.0.0.0/8, 10.0.1.0/24, true",
            "0.0.0.0/0, 10.0.1.0/24, true",
            "10.0.1.0/24, 10.0.0.0/16, false",
            "10.0.1.0/25, 10.0.1.0/24, false",
            "10.0.1.128/25, 10.0.1.0/24, false",
            "10.1.0.0/16, 10.0.1.0/24, false",
            "10.0.1.7/24, 10.0.1.0/24, true",
            "2001:db8::/32, 10.0.1.0/24, false",
            "10.0.0.0/33, 10.0.1.0/24, false",
            "10.0.0.256/16, 10.0.1.0/24, false",
            "not-a-cidr, 10.0.1.0/24, false"})
    void cidrCovers(String outer, String inner, boolean covers) {
        assertThat(Cidr.covers(outer, inner)).isEqualTo(covers);
    }

    @Test
    void tcp443Coverage() {
        assertThat(Rules.tcp443FromCidr("10.0.0.0/16").coversTcp443()).isTrue();
        assertThat(Rules.allTraffic("10.0.0.0/16").coversTcp443()).isTrue();
        assertThat(Rules.tcp(0, 65535, "10.0.0.0/16").coversTcp443()).isTrue();
        assertThat(new SecurityGroupRule("6", 443, 443, List.of(), List.of(), List.of()).coversTcp443()).isTrue();
        assertThat(new SecurityGroupRule("all", null, null, List.of(), List.of(), List.of()).coversTcp443()).isTrue();
        assertThat(Rules.tcp(80, 442, "10.0.0.0/16").coversTcp443()).isFalse();
        assertThat(Rules.tcp(444, 444, "10.0.0.0/16").coversTcp443()).isFalse();
        assertThat(Rules.udp(443, 443, "10.0.0.0/16").coversTcp443()).isFalse();
        assertThat(new SecurityGroupRule("icmp", -1, -1, List.of(), List.of(), List.of()).coversTcp443()).isFalse();
        assertThat(new SecurityGroupRule("tcp", null, null, List.of(), List.of(), List.of()).coversTcp443()).isFalse();
    }

    @ParameterizedTest(name = "default route to {0} is an internet path")
    @ValueSource(strings = {"igw-0abc", "nat-0abc"})
    void internetPaths(String target) {
        assertThat(new Route("0.0.0.0/0", null, target, true).isInternetPath()).isTrue();
    }

    @Test
    void notInternetPaths() {
        assertThat(new Route("0.0.0.0/0", null, "nat-0abc", false).isInternetPath()).as("blackhole").isFalse();
        assertThat(new Route("10.0.0.0/16", null, "local", true).isInternetPath()).isFalse();
        assertThat(new Route("172.16.0.0/12", null, "nat-0abc", true).isInternetPath()).isFalse();
        assertThat(new Route(null, "pl-61a54008", "vpce-s3", true).isInternetPath()).isFalse();
        assertThat(new Route("0.0.0.0/0", null, "pcx-0abc", true).isInternetPath()).isFalse();
    }

    @Test
    void endpointStates() {
        VpcEndpoint available = endpoint("available");
        assertThat(available.isAvailable()).isTrue();
        assertThat(available.isGone()).isFalse();
        assertThat(endpoint("deleted").isGone()).isTrue();
        assertThat(endpoint("Deleted").isGone()).isTrue();
        for (String state : List.of("pendingAcceptance", "pending", "deleting", "failed", "rejected")) {
            assertThat(endpoint(state).isAvailable()).as(state).isFalse();
            assertThat(endpoint(state).isGone()).as(state).isFalse();
        }
    }

    private static VpcEndpoint endpoint(String state) {
        return new VpcEndpoint("vpce-1", "com.amazonaws.us-east-1.logs", ecsvpce.core.EndpointType.INTERFACE, state,
                true, null, null, null, null, null);
    }
}

package ecsvpce.aws;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.network.RouteTable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteState;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;

/**
 * EC2 reports a route whose target is gone (a deleted NAT gateway) in state {@code blackhole}; the
 * snapshot reads it as no internet path. moto reports such a route as active (src/test/moto/README.md),
 * so the state is set here, over the SDK's own model.
 */
class Ec2ModelRoutesTest {
    private static software.amazon.awssdk.services.ec2.model.RouteTable table(Route defaultRoute) {
        return software.amazon.awssdk.services.ec2.model.RouteTable.builder().routeTableId("rtb-0a")
                .associations(RouteTableAssociation.builder().subnetId("subnet-0a").main(false).build())
                .routes(Route.builder().destinationCidrBlock("10.0.0.0/16").gatewayId("local").state(RouteState.ACTIVE)
                        .build(), defaultRoute).build();
    }

    @Test
    void aDefaultRouteToADeletedNatGatewayIsABlackholeNotAnInternetPath() {
        RouteTable table = Ec2Model.routeTable(table(Route.builder().destinationCidrBlock("0.0.0.0/0")
                .natGatewayId("nat-0gone").state(RouteState.BLACKHOLE).build()));

        assertThat(table.internetPath()).isEmpty();
        assertThat(table.blackholeDefaultRoute()).hasValueSatisfying(route -> {
            assertThat(route.target()).isEqualTo("nat-0gone");
            assertThat(route.active()).isFalse();
        });
    }

    @Test
    void anActiveNatRouteIsAnInternetPathAndNoBlackhole() {
        RouteTable table = Ec2Model.routeTable(table(Route.builder().destinationCidrBlock("0.0.0.0/0")
                .natGatewayId("nat-0live").state(RouteState.ACTIVE).build()));

        assertThat(table.internetPath()).hasValueSatisfying(route -> assertThat(route.target()).isEqualTo("nat-0live"));
        assertThat(table.blackholeDefaultRoute()).isEmpty();
    }
}

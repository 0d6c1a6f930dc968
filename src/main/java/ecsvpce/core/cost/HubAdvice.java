package ecsvpce.core.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where several VPCs of the account each pay for an interface endpoint of the same AWS service, what
 * they pay together and what one endpoint in a shared hub VPC, with a private hosted zone associated
 * with every spoke, would cost instead (docs/cost.md#a-shared-hub). The hub moves the spokes' traffic
 * to the service onto the transit gateway, which charges per GB: the break-even is the traffic at
 * which that charge eats the saving. Pure.
 */
public final class HubAdvice {
    /** A private hosted zone, per month (Route 53 list price, first 25 zones). */
    static final BigDecimal ZONE_USD_PER_MONTH = new BigDecimal("0.50");
    /** Transit gateway data processing, per GB (us-east-1 list price). */
    static final BigDecimal TRANSIT_USD_PER_GB = new BigDecimal("0.02");

    private HubAdvice() {
    }

    /**
     * @param vpcs                VPCs paying for an endpoint of the service, in id order
     * @param monthlyUsd          what their endpoints cost together, by the hour
     * @param hubMonthlyUsd       one endpoint in the hub (in as many zones as the widest of them) and its zone
     * @param breakEvenGbPerMonth spokes' traffic through the transit gateway at which the hub stops saving
     */
    public record Advice(String serviceName, List<String> vpcs, int endpoints, BigDecimal monthlyUsd,
                         BigDecimal hubMonthlyUsd, BigDecimal savingMonthlyUsd, long breakEvenGbPerMonth) {
        public Advice {
            vpcs = List.copyOf(vpcs);
        }
    }

    /** @param endpoints billed interface endpoints of the account */
    public static List<Advice> of(List<InterfaceEndpoint> endpoints, EndpointPrice price) {
        Map<String, List<InterfaceEndpoint>> byService = endpoints.stream()
                .filter(e -> e.billed() && isAwsService(e.serviceName(), price.region()))
                .collect(Collectors.groupingBy(InterfaceEndpoint::serviceName, TreeMap::new, Collectors.toList()));
        List<Advice> advice = new ArrayList<>();
        byService.forEach((service, paying) -> {
            Set<String> vpcs = paying.stream().map(InterfaceEndpoint::vpcId).collect(Collectors.toCollection(TreeSet::new));
            if (vpcs.size() < 2) {
                return;
            }
            BigDecimal together = paying.stream().map(e -> price.monthly(e.availabilityZones().size()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            int hubZones = paying.stream().mapToInt(e -> e.availabilityZones().size()).max().orElse(1);
            BigDecimal hub = price.monthly(hubZones).add(ZONE_USD_PER_MONTH);
            BigDecimal saving = together.subtract(hub);
            if (saving.signum() > 0) {
                advice.add(new Advice(service, List.copyOf(vpcs), paying.size(), together, hub, saving,
                        saving.divide(TRANSIT_USD_PER_GB, 0, RoundingMode.DOWN).longValueExact()));
            }
        });
        advice.sort(Comparator.comparing(Advice::savingMonthlyUsd).reversed().thenComparing(Advice::serviceName));
        return advice;
    }

    /** An AWS service of this Region (a hub serves those through private hosted zones), not a partner's or our own. */
    private static boolean isAwsService(String serviceName, String region) {
        return serviceName != null && (serviceName.startsWith("com.amazonaws." + region + ".")
                || serviceName.startsWith("cn.com.amazonaws." + region + "."));
    }
}

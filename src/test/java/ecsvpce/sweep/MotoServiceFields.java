package ecsvpce.sweep;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * Puts back into moto's {@code DescribeServices} answers two fields AWS returns and moto 5.2.1 drops,
 * for the services a {@link Fleet} created (checked with boto3 against moto 5.2.1):
 * <ul>
 *   <li>{@code enableExecuteCommand}: moto stores nothing and answers no value; AWS answers what
 *       {@code CreateService} was given;</li>
 *   <li>{@code capacityProviderStrategy}: for a service created with {@code FARGATE_SPOT} and no launch
 *       type, moto answers {@code launchType: EC2} and no strategy; AWS answers no launch type and
 *       the strategy.</li>
 * </ul>
 * Only the answer the product reads is changed, and only to what AWS would have said.
 */
final class MotoServiceFields implements ExecutionInterceptor {
    private record Fields(boolean executeCommand, boolean fargateSpot) {
    }

    private final Map<String, Fields> byServiceArn = new ConcurrentHashMap<>();

    void created(String serviceArn, boolean executeCommand, boolean fargateSpot) {
        byServiceArn.put(serviceArn, new Fields(executeCommand, fargateSpot));
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (!(context.response() instanceof DescribeServicesResponse response)) {
            return context.response();
        }
        return response.toBuilder().services(response.services().stream().map(this::asAws).toList()).build();
    }

    private Service asAws(Service service) {
        Fields fields = byServiceArn.get(service.serviceArn());
        if (fields == null) {
            return service;
        }
        Service.Builder aws = service.toBuilder().enableExecuteCommand(fields.executeCommand());
        if (fields.fargateSpot()) {
            aws.launchType((String) null).capacityProviderStrategy(
                    CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").weight(1).base(0).build());
        }
        return aws.build();
    }
}

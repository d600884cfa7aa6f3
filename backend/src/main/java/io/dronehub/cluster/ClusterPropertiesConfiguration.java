package io.dronehub.cluster;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds and validates {@code hub.cluster.*} whether or not the cluster is enabled, so
 * that a wrong setting stops the start either way.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
class ClusterPropertiesConfiguration {

}

package io.dronehub.cluster;

import javax.sql.DataSource;

import io.dronehub.control.ControlLeases;
import io.dronehub.flight.Fleet;
import io.dronehub.flight.FleetProperties;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.telemetry.RecentEvents;
import io.dronehub.telemetry.TelemetryPublisher;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;

/**
 * The fleet shared by the nodes of a cluster, when {@code hub.cluster.enabled} is
 * {@code true}: who is alive, every drone's latest state wherever it is simulated, the
 * relay of telemetry and events between the nodes, the drone leases in the shared
 * database, and the ownership that decides which drones this node simulates.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("hub.cluster.enabled")
class ClusterFleetConfiguration {

	@Bean
	ClusterMembers clusterMembers(ClusterNode node, ClusterProperties settings) {
		return new ClusterMembers(node.id(), settings.nodeTimeout(), System::nanoTime);
	}

	/**
	 * Every drone's latest state, wherever it is simulated, for the snapshot and the API.
	 */
	@Bean
	@Primary
	ClusterStates clusterStates(FleetProperties fleet) {
		return new ClusterStates(Fleet.ids(fleet));
	}

	@Bean
	ClusterRelay clusterRelay(ClusterNode node, BrokerLink link, JsonMapper json, ClusterStates states,
			ClusterMembers members, TelemetryPublisher publisher, RecentEvents recentEvents) {
		return new ClusterRelay(node, link, json, states, members, publisher, recentEvents);
	}

	/**
	 * The drone leases, rows of Spring Integration's {@code INT_LOCK} table (created by
	 * the hub's Flyway migrations) in region {@code hub-drones}, owned by this node's id.
	 */
	@Bean
	DefaultLockRepository droneLockRepository(DataSource dataSource, ClusterNode node) {
		DefaultLockRepository repository = new DefaultLockRepository(dataSource, node.id());
		repository.setRegion("hub-drones");
		repository.setCheckDatabaseOnStart(false);
		return repository;
	}

	@Bean
	DroneOwnership droneOwnership(ClusterNode node, SimulationLoop simulation, ControlLeases controls,
			DefaultLockRepository droneLockRepository, ClusterMembers members, ClusterStates states, ClusterRelay relay,
			ClusterProperties settings) {
		return new DroneOwnership(node, simulation, controls,
				new DroneLeases(droneLockRepository, settings.nodeTimeout()), members, states, relay, settings,
				System::nanoTime);
	}

}

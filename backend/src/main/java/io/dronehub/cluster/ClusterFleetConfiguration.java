package io.dronehub.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.dronehub.command.SimulationRequests;
import io.dronehub.control.ControlLeases;
import io.dronehub.control.ControlPrompts;
import io.dronehub.flight.Fleet;
import io.dronehub.flight.FleetListener;
import io.dronehub.flight.FleetProperties;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.foxglove.FoxgloveBridge;
import io.dronehub.telemetry.RecentEvents;
import io.dronehub.telemetry.TelemetryPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.scheduling.TaskScheduler;

/**
 * The fleet shared by the nodes of a cluster, when {@code hub.cluster.enabled} is
 * {@code true}: who is alive, every drone's latest state wherever it is simulated, the
 * relay of telemetry and events between the nodes (the other nodes' states on a thread of
 * their own), the drone leases in the shared database through a pool of their own, the
 * ownership that decides which drones this node simulates, pilots' requests sent to the
 * node that simulates their drone, and the events that say when this node loses its
 * broker and has it again.
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
	ClusterChannel clusterChannel(ClusterNode node, BrokerLink link, JsonMapper json) {
		return new ClusterChannel(node, link, json);
	}

	/**
	 * The other nodes' states on their way to this node's fan-out, handed to it on a
	 * thread of their own, {@code cluster-telemetry}.
	 */
	/**
	 * What shows the fleet live to clients, and so gets the other nodes' states and
	 * events too: the STOMP publisher and, when present, the Foxglove bridge.
	 */
	@Bean
	LiveViewers liveViewers(TelemetryPublisher publisher, ObjectProvider<FoxgloveBridge> foxglove) {
		List<FleetListener> viewers = new ArrayList<>(List.of(publisher));
		foxglove.ifAvailable(viewers::add);
		return new LiveViewers(viewers);
	}

	@Bean
	RemoteTelemetry remoteTelemetry(FleetProperties fleet, ClusterStates states, LiveViewers viewers,
			MeterRegistry meters) {
		ExecutorService thread = Executors.newSingleThreadExecutor((runnable) -> {
			Thread telemetry = new Thread(runnable, "cluster-telemetry");
			telemetry.setDaemon(true);
			return telemetry;
		});
		return new RemoteTelemetry(Fleet.ids(fleet), states::isSimulatedHere, viewers::statesComputed, thread, meters);
	}

	@Bean
	ClusterRelay clusterRelay(ClusterChannel channel, ClusterStates states, ClusterMembers members,
			RemoteTelemetry remoteTelemetry, LiveViewers viewers, RecentEvents recentEvents) {
		return new ClusterRelay(channel, states, members, remoteTelemetry, viewers, recentEvents);
	}

	@Bean
	LeaseDatabase leaseDatabase(DataSourceProperties database, ClusterProperties settings) {
		return new LeaseDatabase(database, settings.heartbeat());
	}

	/**
	 * The drone leases, rows of Spring Integration's {@code INT_LOCK} table (created by
	 * the hub's Flyway migrations) in region {@code hub-drones}, owned by this node's id,
	 * through their own pool of connections and transactions.
	 */
	@Bean
	DefaultLockRepository droneLockRepository(LeaseDatabase leaseDatabase, ClusterNode node) {
		DefaultLockRepository repository = new DefaultLockRepository(leaseDatabase.dataSource(), node.id());
		repository.setRegion("hub-drones");
		repository.setCheckDatabaseOnStart(false);
		repository.setTransactionManager(new JdbcTransactionManager(leaseDatabase.dataSource()));
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

	/**
	 * Requests for drones simulated elsewhere, sent to their node, with as long as a node
	 * timeout for the answer.
	 */
	@Bean
	ClusterRequests clusterRequests(ClusterChannel channel, ClusterMembers members,
			ObjectProvider<SimulationRequests> requests, SimulationLoop simulation, ControlLeases controls,
			ClusterPrompts prompts, @Qualifier("messageBrokerTaskScheduler") TaskScheduler scheduler,
			ClusterProperties settings) {
		return new ClusterRequests(channel, members, requests, simulation, controls, prompts, scheduler,
				settings.nodeTimeout());
	}

	/** Prompts for pilots connected to another node, sent to that node. */
	@Bean
	ClusterPrompts clusterPrompts(ClusterChannel channel, ObjectProvider<ControlPrompts> prompts) {
		return new ClusterPrompts(channel, prompts);
	}

	@Bean
	BrokerAnnouncer brokerAnnouncer(ClusterNode node, SimulationLoop simulation, BrokerLink link) {
		BrokerAnnouncer announcer = new BrokerAnnouncer(node, simulation);
		link.addListener(announcer);
		return announcer;
	}

}

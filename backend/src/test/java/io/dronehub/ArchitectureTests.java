package io.dronehub;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package structure that README describes: feature packages that depend on each other
 * one way only, and a contract package beneath them all.
 */
class ArchitectureTests {

	private static final JavaClasses HUB = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.dronehub");

	@Test
	void noPackageDependsOnItselfThroughAnother() {
		slices().matching("io.dronehub.(*)..").should().beFreeOfCycles().check(HUB);
	}

	@Test
	void theContractImportsNothingElseOfTheHub() {
		noClasses().that()
			.resideInAPackage("io.dronehub.contract..")
			.should()
			.dependOnClassesThat()
			.resideOutsideOfPackages("io.dronehub.contract..", "java..", "org.springframework..",
					"com.fasterxml.jackson..", "org.jspecify..")
			.check(HUB);
	}

	@Test
	void theMcapWriterImportsOnlyTheJdk() {
		noClasses().that()
			.resideInAPackage("io.dronehub.recorder.mcap..")
			.should()
			.dependOnClassesThat()
			.resideOutsideOfPackages("io.dronehub.recorder.mcap..", "java..", "org.jspecify..")
			.check(HUB);
	}

	@Test
	void theFlightModelKnowsNothingOfMessagingOrTheWeb() {
		noClasses().that()
			.resideInAnyPackage("io.dronehub.flight..", "io.dronehub.control..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.messaging..", "org.springframework.web..", "jakarta.websocket..")
			.check(HUB);
	}

}

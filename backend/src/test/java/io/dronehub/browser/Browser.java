package io.dronehub.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) with a
 * fresh profile, and the few page operations the browser tests need. Nothing is
 * downloaded: when Chromium is not installed, {@link #assumeInstalled()} skips the test.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/** Where screenshots go, relative to the backend module. */
	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Duration DEADLINE = Duration.ofSeconds(20);

	private static final Duration POLL = Duration.ofMillis(50);

	private final ChromeDriver driver;

	private final Path profile;

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/**
	 * Skips the calling test, with a message saying what to install, when Chromium or its
	 * driver is missing.
	 */
	static void assumeInstalled() {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Browser tests need Debian's Chromium: apt-get install -y chromium chromium-driver (" + CHROMIUM
						+ " and " + CHROMEDRIVER + " not found); skipping");
	}

	/**
	 * Starts a browser with a window of the given CSS size.
	 * @param width window width, px
	 * @param height window height, px
	 * @return the browser; close it
	 */
	static Browser open(int width, int height) {
		assumeInstalled();
		Path profile;
		try {
			profile = Files.createTempDirectory("dronehub-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
				// keep animation frames and timers running in every window, focused or
				// not
				"--disable-background-timer-throttling", "--disable-renderer-backgrounding",
				"--disable-backgrounding-occluded-windows");
		// keep what pages write to the console, for consoleErrors()
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logging);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().window().setSize(new Dimension(width, height));
		return new Browser(driver, profile);
	}

	ChromeDriver driver() {
		return this.driver;
	}

	void get(String url) {
		this.driver.get(url);
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	List<WebElement> findAll(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	void click(String css) {
		find(css).click();
	}

	void type(String css, String text) {
		WebElement input = find(css);
		input.clear();
		input.sendKeys(text);
	}

	/**
	 * Waits until the element's text satisfies a condition.
	 * @param css the element
	 * @param condition what its text must satisfy
	 * @param description the condition in words, for the failure message
	 * @return the text that satisfied it
	 */
	String awaitText(String css, Predicate<String> condition, String description) {
		return await(css, WebElement::getText, condition, description);
	}

	/**
	 * Waits until an attribute of the element satisfies a condition.
	 * @param css the element
	 * @param attribute the attribute's name
	 * @param condition what its value must satisfy
	 * @param description the condition in words, for the failure message
	 * @return the value that satisfied it
	 */
	String awaitAttribute(String css, String attribute, Predicate<String> condition, String description) {
		return await(css, (element) -> element.getDomAttribute(attribute), condition, description);
	}

	private String await(String css, java.util.function.Function<WebElement, String> read, Predicate<String> condition,
			String description) {
		String[] last = { null };
		try {
			return new WebDriverWait(this.driver, DEADLINE, POLL).until((driver) -> {
				try {
					List<WebElement> found = driver.findElements(By.cssSelector(css));
					last[0] = found.isEmpty() ? null : read.apply(found.get(0));
					return (last[0] != null && condition.test(last[0])) ? last[0] : null;
				}
				catch (StaleElementReferenceException ex) {
					return null;
				}
			});
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			List<WebElement> found = this.driver.findElements(By.cssSelector(css));
			String html = found.isEmpty() ? "(no such element)" : found.get(0).getDomProperty("outerHTML");
			throw new AssertionError("Waited " + DEADLINE.toSeconds() + " s for " + css + " to be " + description
					+ "; last seen: " + last[0] + "; element: " + html, ex);
		}
	}

	/**
	 * Signs in on the pilot console as one of the users of the {@code it} profile
	 * (password {@code <name>-secret}) and waits until the page is live under that name.
	 * @param user the user's name
	 */
	void signIn(String user) {
		signInWith(user, user + "-secret");
		awaitText("[data-user-name]", user::equals, "signed in as " + user);
		awaitConnection("live");
	}

	/**
	 * Opens the pilot console for a drone, signs in as one of the {@code it} profile's
	 * users and takes control of the drone.
	 * @param console the console's URL for the drone, e.g. {@code …/pilot.html?drone=d1}
	 * @param user the user's name
	 * @param droneId the drone
	 */
	void takeControl(String console, String user, String droneId) {
		get(console);
		awaitConnection("live");
		signIn(user);
		click("[data-action=acquire]");
		awaitText("[data-control-status]", ("You control " + droneId + ".")::equals, "in control of " + droneId);
	}

	/**
	 * Arms the console's drone and sends it up, each accepted.
	 * @param droneId the drone, which this console controls
	 * @param altitude the take-off altitude, m
	 */
	void armAndTakeOff(String droneId, int altitude) {
		click("[data-command=ARM]");
		awaitText("[data-last-reply]", ("ARM " + droneId + ": accepted.")::equals, "ARM accepted");
		type("[data-field=takeoff-altitude]", String.valueOf(altitude));
		click("[data-command=TAKEOFF]");
		awaitText("[data-last-reply]", ("TAKEOFF " + droneId + " to " + altitude + " m: accepted.")::equals,
				"TAKEOFF accepted");
	}

	/**
	 * Opens the pilot console's sign-in form if it is closed, fills it in and sends it.
	 * @param user the user's name
	 * @param password the password to try
	 */
	void signInWith(String user, String password) {
		if (!"true".equals(find("[data-login]").getDomProperty("open"))) {
			click("[data-login] summary");
		}
		type("[data-login-form] input[name=login]", user);
		type("[data-login-form] input[name=passcode]", password);
		click("[data-login-form] button[type=submit]");
	}

	/**
	 * The errors the browser wrote to its console (level SEVERE: uncaught exceptions,
	 * {@code console.error}, failed requests) since the last call.
	 * @return the errors, oldest first
	 */
	List<LogEntry> consoleErrors() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.toList();
	}

	/**
	 * Waits until the page's connection badge shows a state.
	 * @param state connecting, live, reconnecting or lost
	 */
	void awaitConnection(String state) {
		awaitAttribute("[data-connection]", "data-state", state::equals, state);
	}

	/**
	 * Waits until the instrument panel shows an altitude that satisfies a condition.
	 * @param condition what the altitude in metres must satisfy
	 * @param description the condition in words
	 * @return the altitude, m
	 */
	double awaitAltitude(DoublePredicate condition, String description) {
		String value = awaitAttribute("[data-instrument=altitude]", "data-value",
				(text) -> !text.isEmpty() && condition.test(Double.parseDouble(text)), "an altitude " + description);
		return Double.parseDouble(value);
	}

	/**
	 * Saves a screenshot of the whole page (beyond the window) as
	 * {@code target/screenshots/NAME.png}.
	 * @param name the file name without extension
	 * @return the file
	 */
	Path screenshot(String name) {
		return save(name, fullPagePng());
	}

	/**
	 * Saves a screenshot of one element as {@code target/screenshots/NAME.png}.
	 * @param name the file name without extension
	 * @param css the element
	 * @return the file
	 */
	Path screenshot(String name, String css) {
		return save(name, find(css).getScreenshotAs(OutputType.BYTES));
	}

	private static Path save(String name, byte[] png) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, png);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private byte[] fullPagePng() {
		try {
			// the capture widens the viewport to the page, so the scrollbar goes: clip to
			// the window's width
			Number width = (Number) this.driver.executeScript("return window.innerWidth;");
			Number height = (Number) this.driver.executeScript("return document.documentElement.scrollHeight;");
			Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
			Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot",
					Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
			return Base64.getDecoder().decode((String) shot.get("data"));
		}
		catch (RuntimeException ex) {
			return this.driver.getScreenshotAs(OutputType.BYTES);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteProfile();
		}
	}

	private void deleteProfile() {
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			// a leftover temporary profile is harmless
		}
	}

}

package io.rectification.platform.testing;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Debian's Chromium (/usr/bin/chromium) driven through its chromedriver, headless, with a profile of
 * its own that is deleted on close; the services' page tests (the public form, the report, the
 * progress page, the dashboard) open one per test or per class.
 */
public final class HeadlessChromium implements AutoCloseable {

    private final Path profile;
    private final ChromeDriverService service;
    private final WebDriver browser;

    /** @param arguments Chromium's options beyond the headless ones, such as a window size or a language */
    public HeadlessChromium(String... arguments) throws IOException {
        profile = Files.createTempDirectory("chromium-profile");
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.addArguments(arguments);
        // the console's messages (a CSP violation among them) are read back by the tests
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(service, options);
    }

    public WebDriver browser() {
        return browser;
    }

    /** What the page wrote to the console since the last call. */
    public List<String> console() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    }

    /** The Content-Security-Policy refusals among what the page wrote to the console since the last call. */
    public List<String> cspViolations() {
        return console().stream().filter(line -> line.contains("Content Security Policy")).toList();
    }

    /** The window as it is now, as target/screenshots/{name} (git-ignored), for a person to look at. */
    public void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws Exception {
        try {
            browser.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}

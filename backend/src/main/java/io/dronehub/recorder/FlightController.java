package io.dronehub.recorder;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.dronehub.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The recorded flights over HTTP: listed, read, their telemetry exported and their
 * events, and deleted by an admin.
 */
@RestController
@RequestMapping("/api/flights")
@ConditionalOnBooleanProperty(name = "hub.recorder.enabled", matchIfMissing = true)
class FlightController {

	/** The media type of newline-delimited JSON. */
	static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

	private static final int MAX_PAGE_SIZE = 100;

	private final FlightStore store;

	private final JsonMapper json;

	private final FlightMcap mcap;

	private final AuditLog audit;

	FlightController(FlightStore store, JsonMapper json, AuditLog audit) {
		this.store = store;
		this.json = json;
		this.audit = audit;
		this.mcap = new FlightMcap(json);
	}

	@GetMapping
	FlightPage flights(@RequestParam(required = false) @Nullable String drone,
			@RequestParam(required = false) @Nullable String pilot,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		if (page < 0) {
			throw new BadRequest("page must be 0 or more, was " + page);
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new BadRequest("size must be between 1 and " + MAX_PAGE_SIZE + ", was " + size);
		}
		return this.store.find(new FlightQuery(drone, pilot, instant("from", from), instant("to", to), page, size));
	}

	@GetMapping("/{id}")
	Flight flight(@PathVariable UUID id) {
		return this.store.find(id).orElseThrow(() -> new NotFound(id));
	}

	@GetMapping("/{id}/events")
	List<FlightLogEntry> log(@PathVariable UUID id) {
		flight(id);
		return this.store.log(id);
	}

	/**
	 * Every state of a flight, streamed from the database as NDJSON (the wire JSON, one
	 * per line), CSV or MCAP (see {@link FlightMcap}), chosen by {@code ?format=} or else
	 * by {@code Accept}.
	 */
	@GetMapping("/{id}/telemetry")
	ResponseEntity<StreamingResponseBody> telemetry(@PathVariable UUID id,
			@RequestParam(required = false) @Nullable String format,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		Flight flight = flight(id);
		ExportFormat export = ExportFormat.choose(format, accept);
		StreamingResponseBody body = (export == ExportFormat.MCAP)
				? (stream) -> this.mcap.write(flight, this.store.log(id),
						(sink) -> this.store.streamTelemetry(flight, sink), stream)
				: (stream) -> text(flight, export, stream);
		return ResponseEntity.ok()
			.contentType(export.mediaType)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"" + flight.droneId() + "-" + id + "." + export.extension + "\"")
			.body(body);
	}

	private void text(Flight flight, ExportFormat export, OutputStream stream) throws IOException {
		Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
		if (export == ExportFormat.CSV) {
			TelemetryCsv.header(out);
		}
		try {
			streamText(flight, export, out);
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		out.flush();
	}

	private void streamText(Flight flight, ExportFormat export, Writer out) {
		this.store.streamTelemetry(flight, (state) -> {
			try {
				if (export == ExportFormat.CSV) {
					TelemetryCsv.row(state, out);
				}
				else {
					out.write(this.json.writeValueAsString(state));
					out.write('\n');
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id, Principal user, HttpServletRequest request) {
		boolean deleted = this.store.delete(id);
		this.audit.admin("delete-flight", id.toString(), deleted ? "deleted" : "not-found", user.getName(),
				request.getRemoteAddr());
		if (!deleted) {
			throw new NotFound(id);
		}
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> malformed(MethodArgumentTypeMismatchException ex) {
		String detail = "id".equals(ex.getName())
				? "a flight id is a UUID such as 3f2b8c1e-0d4a-4c53-9a57-7e1f0b6d2c90, not '" + ex.getValue() + "'"
				: ex.getName() + " must be a " + ex.getRequiredType().getSimpleName() + ", was '" + ex.getValue() + "'";
		return problem(HttpStatus.BAD_REQUEST, detail);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> badRequest(BadRequest ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NotFound ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> databaseAway(DataAccessException ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE,
				"the flight recorder's database does not answer; try again later");
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
	}

	/** A time filter as epoch milliseconds or an ISO-8601 instant. */
	private static @Nullable Long instant(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return value.chars().allMatch(Character::isDigit) ? Long.parseLong(value)
					: Instant.parse(value).toEpochMilli();
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw new BadRequest(name + " must be epoch milliseconds or an ISO-8601 instant such as "
					+ "2026-12-01T10:00:00Z, was '" + value + "'");
		}
	}

	/** The formats a flight's telemetry is exported in. */
	enum ExportFormat {

		NDJSON(FlightController.NDJSON, "ndjson"), CSV(MediaType.parseMediaType("text/csv"), "csv"),
		MCAP(MediaType.parseMediaType("application/x-mcap"), "mcap");

		private final MediaType mediaType;

		private final String extension;

		ExportFormat(MediaType mediaType, String extension) {
			this.mediaType = mediaType;
			this.extension = extension;
		}

		static ExportFormat choose(@Nullable String format, @Nullable String accept) {
			if (format != null) {
				for (ExportFormat candidate : values()) {
					if (candidate.extension.equals(format.toLowerCase(Locale.ROOT))) {
						return candidate;
					}
				}
				throw new BadRequest("format must be ndjson, csv or mcap, was '" + format + "'");
			}
			if (accept != null) {
				for (MediaType type : MediaType.parseMediaTypes(accept)) {
					for (ExportFormat candidate : values()) {
						if (type.isCompatibleWith(candidate.mediaType) && !type.isWildcardType()) {
							return candidate;
						}
					}
				}
			}
			return NDJSON;
		}

	}

	/** A request whose parameters are out of range or malformed. */
	static final class BadRequest extends RuntimeException {

		BadRequest(String message) {
			super(message);
		}

	}

	/** A flight that is not recorded. */
	static final class NotFound extends RuntimeException {

		NotFound(UUID id) {
			super("no flight with id " + id);
		}

	}

}

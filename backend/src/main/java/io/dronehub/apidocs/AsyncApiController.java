package io.dronehub.apidocs;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * Serves the AsyncAPI document of the STOMP API at {@code /asyncapi.json}, public like
 * the pages, with the server the client reached.
 */
@RestController
class AsyncApiController {

	private final AsyncApiDocument document;

	AsyncApiController(AsyncApiDocument document) {
		this.document = document;
	}

	@GetMapping(path = "/asyncapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
	JsonNode asyncApi(HttpServletRequest request) {
		UriComponents base = ServletUriComponentsBuilder.fromContextPath(request).build();
		String host = (base.getPort() != -1) ? base.getHost() + ":" + base.getPort() : base.getHost();
		String contextPath = (base.getPath() != null) ? base.getPath() : "";
		return this.document.forServer(String.valueOf(host), contextPath);
	}

}

package io.maildiag.examples.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * The one JSON writer of the CLI: Jackson tree nodes, written compactly on one line, with every
 * non-ASCII character escaped so that the output survives any terminal or pipe encoding.
 */
public final class Json {

  /** The shared mapper; immutable once built and safe for concurrent use. */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
      .build();

  private Json() {}

  /** Returns a new empty object node. */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** Returns a new empty array node. */
  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** Returns {@code node} as one line of JSON, without a line break. */
  public static String line(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      // A tree of plain nodes always serialises; this is a bug, not bad input.
      throw new UncheckedIOException(e);
    }
  }
}

import { z } from "zod";

/**
 * Zod's own messages are English sentences; ours are message codes (shared/messages.ts), so that
 * browser and server show the same words in the user's language. A schema's explicit message wins.
 */
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case "invalid_type":
        return issue.input === undefined || issue.input === null ? "required" : "invalid_type";
      case "unrecognized_keys":
        return "unknown_field";
      case "too_big":
        return issue.origin === "string" ? "too_long" : issue.origin === "array" ? "too_many" : "too_big";
      case "too_small":
        return issue.origin === "string" ? "required" : "too_small";
      case "invalid_value":
      case "invalid_union":
        return "invalid_choice";
      case "invalid_format":
        return issue.format === "uuid" ? "invalid_choice" : "invalid_input";
      case "custom":
      case "invalid_element":
      case "invalid_key":
      case "not_multiple_of":
        return "invalid_input";
    }
  },
});

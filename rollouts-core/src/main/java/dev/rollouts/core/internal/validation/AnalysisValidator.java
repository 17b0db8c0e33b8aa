package dev.rollouts.core.internal.validation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of a {@code RolloutAnalysis} carried verbatim ({@code prePromotionAnalysis}, {@code
 * postPromotionAnalysis}): {@code templates} is a non-empty list, and every entry names its
 * template with a non-empty {@code templateName}. Whether the templates exist is checked when the
 * analysis capability runs them, as Argo checks referenced resources.
 */
final class AnalysisValidator {

  private AnalysisValidator() {}

  static Optional<FieldError> error(String path, Optional<Map<String, Object>> analysis) {
    if (analysis.isEmpty()) {
      return Optional.empty();
    }
    Object templates = analysis.get().get("templates");
    if (!(templates instanceof List<?> list) || list.isEmpty()) {
      return Optional.of(
          FieldError.required(path + ".templates", "at least one analysis template must be named"));
    }
    for (int i = 0; i < list.size(); i++) {
      Object name = list.get(i) instanceof Map<?, ?> template ? template.get("templateName") : null;
      if (!(name instanceof String s) || s.isEmpty()) {
        return Optional.of(
            FieldError.required(
                path + ".templates[" + i + "].templateName",
                "the analysis template must be named"));
      }
    }
    return Optional.empty();
  }
}

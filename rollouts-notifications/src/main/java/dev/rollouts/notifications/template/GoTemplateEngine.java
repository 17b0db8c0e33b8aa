package dev.rollouts.notifications.template;

import java.util.HashMap;
import java.util.Map;

/**
 * The engine: Go's built-ins plus Sprig's text functions minus {@code env} and {@code expandenv}.
 */
final class GoTemplateEngine implements TemplateEngine {

  static final GoTemplateEngine INSTANCE = new GoTemplateEngine();

  private final Map<String, Function> functions;

  private GoTemplateEngine() {
    Map<String, Function> all = new HashMap<>();
    Sprig.register(all);
    Builtins.register(all);
    this.functions = Map.copyOf(all);
  }

  @Override
  public CompiledTemplate compile(String name, String text) {
    Parser.Parsed parsed = Parser.parse(name, text, functions.keySet());
    return new GoTemplate(name, text, parsed.root(), parsed.defined(), functions);
  }
}

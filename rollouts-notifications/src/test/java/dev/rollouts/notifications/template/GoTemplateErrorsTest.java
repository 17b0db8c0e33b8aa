package dev.rollouts.notifications.template;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parse and execution errors carry Go's messages, so users recognise them from Argo. */
class GoTemplateErrorsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
          {{foo}}                 => template: t:1: function "foo" not defined
          {{$x}}                  => template: t:1: undefined variable "$x"
          {{if}}x{{end}}          => template: t:1: missing value for if
          x{{end}}                => template: t:1: unexpected {{end}}
          {{.a                    => template: t:1: unclosed action
          {{if .a}}x              => template: t:1: unexpected EOF
          {{break}}               => template: t:1: {{break}} outside {{range}}
          {{"x" | 3}}             => template: t:1: non executable command in pipeline stage 2
          a\\n{{(1}}              => template: t:2: unclosed left paren
          """)
  void reportsParseErrorsAsGoDoes(String template, String message) {
    String source = template.replace("\\n", "\n");
    assertThatThrownBy(() -> TemplateEngine.go().compile("t", source))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {{len .missing}}       | template: t:1:6: executing "t" at <len .missing>: error calling len: reflect: call of reflect.Value.Type on zero Value
          {{len .null}}          | template: t:1:6: executing "t" at <len .null>: error calling len: len of nil pointer
          {{.null.x}}            | template: t:1:2: executing "t": nil pointer evaluating interface {}.x
          {{.name.x}}            | template: t:1:2: executing "t": can't evaluate field x in type string
          {{upper 5}}            | template: t:1:8: executing "t" at <upper 5>: wrong type for value; expected string; got int
          {{index .list 5}}      | template: t:1:14: executing "t" at <index .list 5>: error calling index: index out of range: 5
          {{eq .five 5}}         | template: t:1:11: executing "t" at <eq .five 5>: error calling eq: incompatible types for comparison
          {{div 1 0}}            | template: t:1:8: executing "t" at <div 1 0>: error calling div: runtime error: integer divide by zero
          {{template "nope"}}    | template: t:1:2: executing "t": template: no template "nope" associated with template "t"
          {{.name 1}}            | template: t:1:2: executing "t": name is not a method but has arguments
          """)
  void reportsExecutionErrorsAsGoDoes(String template, String message) {
    CompiledTemplate compiled = TemplateEngine.go().compile("t", template);
    Map<String, Object> data =
        new java.util.HashMap<>(Map.of("name", "x", "five", 5.0, "list", java.util.List.of("a")));
    data.put("null", null);

    assertThatThrownBy(() -> compiled.render(data))
        .isInstanceOf(TemplateException.class)
        .hasMessage(message);
  }
}

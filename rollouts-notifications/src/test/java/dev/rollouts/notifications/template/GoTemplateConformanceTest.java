package dev.rollouts.notifications.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance table: each row is a template, and what Go's {@code text/template} with Sprig
 * prints for it, taken from the examples of pkg.go.dev/text/template, pkg.go.dev/fmt,
 * pkg.go.dev/strconv and masterminds.github.io/sprig, over data read from JSON as Go reads it
 * (every number a float64).
 */
class GoTemplateConformanceTest {

  private static final String DATA_JSON =
      """
      {"name": "guestbook", "five": 5, "half": 2.5, "million": 1000000, "big": 1234567,
       "small": 0.00001, "tiny": 0.0001, "count": 123456, "neg": -3, "zero": 0, "empty": "",
       "list": ["a", "b"], "none": [], "nums": [1, 2, 3], "m": {"b": "x", "a": 1}, "null": null,
       "t": true, "f": false, "html": "<a href=\\"x\\">&</a>",
       "containers": [{"name": "app", "image": "nginx:1"}, {"name": "side", "image": "envoy:2"}],
       "nested": {"inner": {"value": "deep"}}}
      """;

  static Map<String, Object> data() {
    @SuppressWarnings("unchecked")
    Map<String, Object> data = new HashMap<>((Map<String, Object>) Json.read(DATA_JSON));
    data.put("secret", "hi".getBytes(StandardCharsets.UTF_8));
    data.put("fn", (GoFunction) args -> "called with " + args);
    data.put("when", TimeVariable.time(Instant.parse("2026-03-04T05:06:07.5Z")));
    data.put("time", TimeVariable.of(() -> Instant.parse("2026-03-04T05:06:07Z")));
    return data;
  }

  static Stream<Arguments> goTextTemplate() {
    return Stream.of(
        // pkg.go.dev/text/template: "Examples" of pipelines, all printing "output" quoted
        arguments("{{\"output\"}}", "output"),
        arguments("{{`\"output\"`}}", "\"output\""),
        arguments("{{printf \"%q\" \"output\"}}", "\"output\""),
        arguments("{{\"output\" | printf \"%q\"}}", "\"output\""),
        arguments("{{printf \"%q\" (print \"out\" \"put\")}}", "\"output\""),
        arguments("{{\"put\" | printf \"%s%s\" \"out\" | printf \"%q\"}}", "\"output\""),
        arguments("{{\"output\" | printf \"%s\" | printf \"%q\"}}", "\"output\""),
        arguments("{{with \"output\"}}{{printf \"%q\" .}}{{end}}", "\"output\""),
        arguments("{{with $x := \"output\" | printf \"%q\"}}{{$x}}{{end}}", "\"output\""),
        arguments("{{with $x := \"output\"}}{{printf \"%q\" $x}}{{end}}", "\"output\""),
        arguments("{{with $x := \"output\"}}{{$x | printf \"%q\"}}{{end}}", "\"output\""),
        // "Text and spaces": trim markers
        arguments("{{23 -}} < {{- 45}}", "23<45"),
        arguments("a  {{- \"b\" -}}  \n c", "abc"),
        arguments("x{{- 3}}", "x3"),
        arguments("{{-3}}", "-3"),
        // comments
        arguments("a{{/* a comment */}}b", "ab"),
        arguments("a \n{{- /* trimmed comment */ -}}\n b", "ab"),
        // fields of maps; missing keys print <no value> (missingkey=default)
        arguments("{{.name}}", "guestbook"),
        arguments("{{.nested.inner.value}}", "deep"),
        arguments("{{.missing}}", "<no value>"),
        arguments("{{.missing.deeper}}", "<no value>"),
        arguments("{{.null}}", "<nil>"),
        arguments("{{$.name}}", "guestbook"),
        // truth: false, 0, nil, empty string/list/map and missing are false
        arguments("{{if .t}}y{{end}}{{if .f}}n{{end}}", "y"),
        arguments("{{if .zero}}y{{else}}n{{end}}", "n"),
        arguments("{{if .empty}}y{{else}}n{{end}}", "n"),
        arguments("{{if .missing}}y{{else}}n{{end}}", "n"),
        arguments("{{if .null}}y{{else}}n{{end}}", "n"),
        arguments("{{if .list}}y{{end}}", "y"),
        arguments("{{if eq .five 1.0}}one{{else if eq .five 5.0}}five{{else}}other{{end}}", "five"),
        arguments("{{if .f}}a{{else if .zero}}b{{else}}c{{end}}", "c"),
        arguments("{{with .missing}}y{{else}}none{{end}}", "none"),
        arguments("{{with .nested}}{{.inner.value}}{{end}}", "deep"),
        arguments("{{with .f}}a{{else with .name}}{{.}}{{end}}", "guestbook"),
        // range: lists with index, maps in key order, else for empty or missing
        arguments("{{range .list}}[{{.}}]{{end}}", "[a][b]"),
        arguments("{{range $i, $e := .list}}{{$i}}={{$e}} {{end}}", "0=a 1=b "),
        arguments("{{range $k, $v := .m}}{{$k}}:{{$v}};{{end}}", "a:1;b:x;"),
        arguments("{{range .missing}}x{{else}}empty{{end}}", "empty"),
        arguments("{{range .none}}x{{else}}empty{{end}}", "empty"),
        arguments("{{range $i := 3}}{{$i}}{{end}}", "012"),
        arguments("{{range .nums}}{{if eq . 2.0}}{{break}}{{end}}{{.}}{{end}}", "1"),
        arguments("{{range .nums}}{{if eq . 2.0}}{{continue}}{{end}}{{.}}{{end}}", "13"),
        arguments(
            "{{range $index, $c := .containers}}{{if $index}},{{end}}{{$c.name}}={{$c.image}}{{end}}",
            "app=nginx:1,side=envoy:2"),
        arguments("{{range $i, $c := .containers}}{{if not $i}}first{{end}}{{end}}", "first"),
        // variables
        arguments("{{$x := 1}}{{$x = 2}}{{$x}}", "2"),
        arguments(
            "{{$x := \"outer\"}}{{if true}}{{$x := \"inner\"}}{{$x}}{{end}} {{$x}}", "inner outer"),
        arguments("{{$x := 1}}{{range .list}}{{$x = 2}}{{end}}{{$x}}", "2"),
        // define, template, block
        arguments("{{define \"T\"}}Hi {{.}}{{end}}{{template \"T\" \"you\"}}", "Hi you"),
        arguments("{{define \"T\"}}[{{.name}}]{{end}}{{template \"T\" .}}", "[guestbook]"),
        arguments("{{block \"B\" .name}}<{{.}}>{{end}}", "<guestbook>"),
        // constants
        arguments("{{'a'}}", "97"),
        arguments("{{0x1F}}", "31"),
        arguments("{{1.5}}", "1.5"),
        arguments("{{1e3}}", "1000"),
        arguments("{{\"a\\tb\\u00e9\"}}", "a\tbé"),
        arguments("{{true}} {{false}}", "true false"),
        // chained fields on a parenthesised pipeline
        arguments("{{(index .containers 1).image}}", "envoy:2"),
        arguments("{{.name | printf \"%s!\" | printf \"%s?\"}}", "guestbook!?"));
  }

  static Stream<Arguments> goPrinting() {
    return Stream.of(
        // fmt %v of float64: strconv 'g' at shortest precision, exponent when exp < -4 || >= 21
        arguments("{{.five}}", "5"),
        arguments("{{.half}}", "2.5"),
        arguments("{{.million}}", "1e+06"),
        arguments("{{.big}}", "1.234567e+06"),
        arguments("{{.count}}", "123456"),
        arguments("{{.small}}", "1e-05"),
        arguments("{{.tiny}}", "0.0001"),
        arguments("{{.neg}}", "-3"),
        arguments("{{.zero}}", "0"),
        arguments("{{.list}}", "[a b]"),
        arguments("{{.nums}}", "[1 2 3]"),
        arguments("{{.m}}", "map[a:1 b:x]"),
        arguments("{{.containers}}", "[map[image:nginx:1 name:app] map[image:envoy:2 name:side]]"),
        arguments("{{.secret}}", "[104 105]"),
        arguments("{{.when}}", "2026-03-04 05:06:07.5 +0000 UTC"),
        // fmt verbs
        arguments("{{printf \"%d\" .five}}", "%!d(float64=5)"),
        arguments("{{printf \"%d\" 5}}", "5"),
        arguments("{{printf \"%v\" .five}}", "5"),
        arguments("{{printf \"%.2f\" .half}}", "2.50"),
        arguments("{{printf \"%f\" .half}}", "2.500000"),
        arguments("{{printf \"%e\" .million}}", "1.000000e+06"),
        arguments("{{printf \"%g\" .half}}", "2.5"),
        arguments("{{printf \"%5s|%-5s|\" \"ab\" \"cd\"}}", "   ab|cd   |"),
        arguments("{{printf \"%05d\" 42}}", "00042"),
        arguments("{{printf \"%x %X\" 255 \"hi\"}}", "ff 6869"),
        arguments("{{printf \"%t\" .t}}", "true"),
        arguments("{{printf \"%q\" 'x'}}", "'x'"),
        arguments("{{printf \"%s\" .list}}", "[a b]"),
        arguments("{{printf \"%v %v\" 1}}", "1 %!v(MISSING)"),
        arguments("{{printf \"%s\" 1 2}}", "%!s(int=1)%!(EXTRA int=2)"),
        arguments("{{printf \"100%%\"}}", "100%"),
        arguments("{{printf \"%s\" .missing}}", "%!s(<nil>)"),
        // print adds spaces between operands when neither is a string; println always
        arguments("{{print 1 2}}", "1 2"),
        arguments("{{print \"a\" 1 2 \"b\"}}", "a1 2b"),
        arguments("{{println 1 \"a\"}}", "1 a\n"),
        // built-ins
        arguments("{{len .list}}", "2"),
        arguments("{{len \"héllo\"}}", "6"),
        arguments("{{len .m}}", "2"),
        arguments("{{index .list 1}}", "b"),
        arguments("{{index .m \"a\"}}", "1"),
        arguments("{{index .m \"zz\"}}", "<nil>"),
        arguments("{{index .containers 0 | len}}", "2"),
        arguments("{{slice \"abcd\" 1 3}}", "bc"),
        arguments("{{slice .nums 1}}", "[2 3]"),
        arguments("{{not 0}} {{not .name}}", "true false"),
        arguments("{{and 1 0 \"x\"}}", "0"),
        arguments("{{and 1 2}}", "2"),
        arguments("{{or 0 \"\" \"x\"}}", "x"),
        arguments("{{or .t (index .list 10)}}", "true"),
        arguments("{{and .f (index .list 10)}}", "false"),
        arguments("{{eq \"a\" \"a\"}} {{eq 1 2 1}} {{eq .missing \"x\"}}", "true true false"),
        arguments(
            "{{ne \"a\" \"b\"}} {{lt 1 2}} {{le 2 2}} {{gt \"b\" \"a\"}} {{ge 1.5 2.5}}",
            "true true true true false"),
        arguments("{{html .html}}", "&lt;a href=&#34;x&#34;&gt;&amp;&lt;/a&gt;"),
        arguments("{{js \"it's <b>\"}}", "it\\'s \\u003Cb\\u003E"),
        arguments("{{urlquery \"a b&c\"}}", "a+b%26c"),
        arguments("{{call .fn 1 \"x\"}}", "called with [1, x]"),
        // the .time variable of Argo Rollouts
        arguments("{{(call .time.Now).Unix}}", "1772600767"),
        arguments(
            "{{(call .time.Now).Format \"2006-01-02T15:04:05Z07:00\"}}", "2026-03-04T05:06:07Z"),
        arguments("{{(call .time.Parse \"2026-03-04T05:00:00Z\").Unix}}", "1772600400"),
        arguments(
            "{{((call .time.Now).Sub (call .time.Parse \"2026-03-04T05:00:00Z\")).Minutes}}",
            "6.116666666666666"),
        arguments("{{.when.Format \"Mon Jan _2 3:04PM .000\"}}", "Wed Mar  4 5:06AM .500"));
  }

  static Stream<Arguments> sprig() {
    return Stream.of(
        // math: integers through cast.ToInt64
        arguments("{{add 1 2}}", "3"),
        arguments("{{add .five 1}}", "6"),
        arguments("{{add nil 1}}", "1"),
        arguments("{{add1 1.5}}", "2"),
        arguments("{{sub 5 3}} {{mul 2 3 4}} {{div 7 2}} {{mod 7 3}}", "2 24 3 1"),
        arguments("{{max 1 5 3}} {{min 4 2 8}}", "5 2"),
        arguments("{{floor 1.7}} {{ceil 1.2}} {{round 123.555555 3}}", "1 2 123.556"),
        arguments("{{addf 1.5 2}} {{divf 10 4}}", "3.5 2.5"),
        // strings
        arguments(
            "{{upper \"hello\"}} {{lower \"HELLO\"}} {{title \"hello world\"}}",
            "HELLO hello Hello World"),
        arguments("{{trim \"   hello    \"}}|{{trimAll \"$\" \"$5.00\"}}", "hello|5.00"),
        arguments("{{trimSuffix \"-\" \"hello-\"}} {{trimPrefix \"-\" \"-hello\"}}", "hello hello"),
        arguments("{{repeat 3 \"hello\"}}", "hellohellohello"),
        arguments("{{substr 0 5 \"hello world\"}}", "hello"),
        arguments("{{nospace \"hello w o r l d\"}}", "helloworld"),
        arguments("{{trunc 5 \"hello world\"}}|{{trunc -5 \"hello world\"}}", "hello|world"),
        arguments("{{abbrev 5 \"hello world\"}}", "he..."),
        arguments(
            "{{contains \"cat\" \"catch\"}} {{hasPrefix \"cat\" \"catch\"}} {{hasSuffix \"ch\" \"catch\"}}",
            "true true true"),
        arguments("{{quote \"hi\" 5}} {{squote \"hi\"}}", "\"hi\" \"5\" 'hi'"),
        arguments("{{cat \"hello\" \"beautiful\" \"world\"}}", "hello beautiful world"),
        arguments("{{indent 4 \"a\\nb\"}}", "    a\n    b"),
        arguments("{{nindent 2 \"x\"}}", "\n  x"),
        arguments("{{replace \" \" \"-\" \"I Am Henry VIII\"}}", "I-Am-Henry-VIII"),
        arguments("{{plural \"one anchovy\" \"many anchovies\" 2}}", "many anchovies"),
        arguments("{{.name | upper | quote}}", "\"GUESTBOOK\""),
        // lists
        arguments("{{join \"-\" (list \"a\" \"b\" 3)}}", "a-b-3"),
        arguments("{{join \",\" .list}}", "a,b"),
        arguments("{{splitList \"$\" \"foo$bar$baz\"}}", "[foo bar baz]"),
        arguments("{{$a := split \"$\" \"foo$bar$baz\"}}{{$a._0}}{{$a._2}}", "foobaz"),
        arguments(
            "{{list 1 2 3 | first}} {{list 1 2 3 | last}} {{list 1 2 3 | rest}} {{list 1 2 3 | initial}}",
            "1 3 [2 3] [1 2]"),
        arguments("{{append (list 1 2) 3}} {{prepend (list 1 2) 0}}", "[1 2 3] [0 1 2]"),
        arguments("{{has 4 (list 1 2 3 4)}} {{uniq (list 1 1 2)}}", "true [1 2]"),
        arguments("{{sortAlpha (list \"c\" \"a\" \"b\")}}", "[a b c]"),
        arguments("{{until 5}}", "[0 1 2 3 4]"),
        arguments(
            "{{seq 5}}|{{seq -3}}|{{seq 2 -2}}|{{seq 0 2 10}}",
            "1 2 3 4 5|1 0 -1 -2 -3|2 1 0 -1 -2|0 2 4 6 8 10"),
        // dicts
        arguments(
            "{{$d := dict \"name1\" \"value1\" \"name2\" \"value2\"}}{{get $d \"name1\"}} {{hasKey $d \"name2\"}} {{keys $d}}",
            "value1 true [name1 name2]"),
        arguments("{{get .m \"nope\"}}|", "|"),
        arguments("{{pluck \"a\" .m .m}}", "[1 1]"),
        arguments(
            "{{dig \"inner\" \"value\" \"none\" .nested}} {{dig \"x\" \"y\" \"none\" .nested}}",
            "deep none"),
        // defaults
        arguments(
            "{{default \"foo\" .missing}} {{default \"foo\" \"\"}} {{default \"foo\" \"bar\"}}",
            "foo foo bar"),
        arguments("{{.missing | default \"piped\"}}", "piped"),
        arguments(
            "{{empty \"\"}} {{empty 0}} {{empty .list}} {{empty .missing}}",
            "true true false true"),
        arguments("{{coalesce 0 \"\" \"x\"}}", "x"),
        arguments("{{ternary \"yes\" \"no\" true}} {{ternary \"yes\" \"no\" false}}", "yes no"),
        // JSON
        arguments("{{toJson .m}}", "{\"a\":1,\"b\":\"x\"}"),
        arguments(
            "{{toJson .million}} {{toJson .half}} {{toJson .list}}", "1000000 2.5 [\"a\",\"b\"]"),
        arguments("{{toJson \"<a&b>\"}}", "\"\\u003ca\\u0026b\\u003e\""),
        arguments("{{toRawJson \"<a&b>\"}}", "\"<a&b>\""),
        arguments("{{toPrettyJson .m}}", "{\n  \"a\": 1,\n  \"b\": \"x\"\n}"),
        arguments("{{toJson .null}} {{toJson .secret}}", "null \"aGk=\""),
        arguments("{{(fromJson \"{\\\"a\\\": 1}\").a}}", "1"),
        // conversions
        arguments(
            "{{toString 5}} {{int \"42\"}} {{atoi \"42\"}} {{float64 \"1.5\"}} {{int 3.9}} {{int64 .five}}",
            "5 42 42 1.5 3 5"),
        arguments("{{.secret | toString}}", "hi"),
        arguments("{{toStrings (list 1 \"a\")}}", "[1 a]"),
        // encoding, regex
        arguments("{{b64enc \"hello\"}} {{b64dec \"aGVsbG8=\"}}", "aGVsbG8= hello"),
        arguments(
            "{{sha256sum \"Hello world!\"}}",
            "c0535e4be2b79ffd93291305436bf889314e4a3faec05ecffcbb7df31ad9e51a"),
        arguments(
            "{{regexMatch \"^[a-z]+$\" \"abc\"}} {{regexFind \"[a-zA-Z][1-9]\" \"abcd1234\"}}",
            "true d1"),
        arguments("{{regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"${1}W\"}}", "-W-xxW-"),
        arguments("{{regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"$1W\"}}", "---"),
        // dates
        arguments("{{duration 95}} {{duration .five}}", "1m35s 5s"),
        arguments(
            "{{date \"2006-01-02 15:04\" .when}} {{htmlDate .when}} {{unixEpoch .when}}",
            "2026-03-04 05:06 2026-03-04 1772600767"),
        arguments(
            "{{(toDate \"2006-01-02\" \"2017-12-31\").Format \"Jan 2, 2006\"}}", "Dec 31, 2017"),
        arguments("{{dateInZone \"15:04 MST\" .when \"UTC\"}}", "05:06 UTC"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"goTextTemplate", "goPrinting", "sprig"})
  void rendersAsGoAndSprigDo(String template, String expected) {
    CompiledTemplate compiled = TemplateEngine.go().compile("t", template);

    assertThat(compiled.render(data())).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goTextTemplate")
  void rendersTheSameTwice(String template, String expected) {
    CompiledTemplate compiled = TemplateEngine.go().compile("t", template);
    Map<String, Object> data = data();

    assertThat(List.of(compiled.render(data), compiled.render(data))).containsOnly(expected);
  }
}

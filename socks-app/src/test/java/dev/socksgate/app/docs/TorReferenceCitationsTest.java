package dev.socksgate.app.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every "Tor reference §N" in the sources and docs points at a section of docs/tor-reference.md
 * that exists, and nothing points at files outside the repository.
 */
class TorReferenceCitationsTest {

  private static final Path ROOT = Path.of("..");
  private static final Path DOCS = ROOT.resolve("docs");
  private static final Path REFERENCE = DOCS.resolve("tor-reference.md");

  /**
   * "Tor reference §N", or protocol.md's short "Tor §N", with the sections chained to it: "§7 and
   * §9", "§1, §6.2, §9", "§0–§7".
   */
  private static final Pattern CITATION =
      Pattern.compile(
          "Tor (?:reference )?(§\\d+(?:\\.\\d+)?(?:\\s*(?:,|and|–)\\s*§\\d+(?:\\.\\d+)?)*)");

  private static final Pattern SECTION = Pattern.compile("§(\\d+(?:\\.\\d+)?)");

  /** A section heading of the reference: "## 6. …" or "### 6.2 …". */
  private static final Pattern HEADING = Pattern.compile("(?m)^#{2,4} (\\d+(?:\\.\\d+)?)[. ]");

  /** Spelled in two halves so that this file does not mention them itself. */
  private static final List<String> OUTSIDE = List.of("shared" + "/spec", "STYLE" + ".md");

  @Test
  void everyCitation_hasItsSection() throws IOException {
    Set<String> headings = new TreeSet<>();
    Matcher h = HEADING.matcher(read(REFERENCE));
    while (h.find()) {
      headings.add(h.group(1));
    }
    assertTrue(headings.containsAll(List.of("0", "6", "6.2", "16")), "headings: " + headings);

    List<String> missing = new ArrayList<>();
    int citations = 0;
    for (Path file : citingFiles()) {
      Matcher c = CITATION.matcher(flatten(read(file)));
      while (c.find()) {
        Matcher s = SECTION.matcher(c.group(1));
        while (s.find()) {
          citations++;
          if (!headings.contains(s.group(1))) {
            missing.add(ROOT.relativize(file) + ": §" + s.group(1));
          }
        }
      }
    }
    assertTrue(citations > 50, "found only " + citations + " citations; wrong root?");
    assertEquals(List.of(), missing, "citations without a section in docs/tor-reference.md");
  }

  @Test
  void everyJavaFileThatCites_namesTheFileOnce() throws IOException {
    List<String> unnamed = new ArrayList<>();
    for (Path file : citingFiles()) {
      String text = flatten(read(file));
      if (file.toString().endsWith(".java")
          && text.contains("Tor reference §")
          && !text.contains("docs/tor-reference.md")) {
        unnamed.add(ROOT.relativize(file).toString());
      }
    }
    assertEquals(List.of(), unnamed, "cite as \"Tor reference §N (docs/tor-reference.md)\"");
  }

  @Test
  void nothingPointsOutsideTheRepository() throws IOException {
    List<Path> files = new ArrayList<>(allFiles(DOCS));
    for (Path src : moduleSources()) {
      files.addAll(allFiles(src));
    }
    files.add(ROOT.resolve("README.md"));
    List<String> found = new ArrayList<>();
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.ISO_8859_1);
      for (String word : OUTSIDE) {
        if (text.contains(word)) {
          found.add(ROOT.relativize(file) + ": " + word);
        }
      }
    }
    assertTrue(files.size() > 100, "found only " + files.size() + " files; wrong root?");
    assertEquals(List.of(), found);
  }

  /** Every *.java under a module's src, and docs/*.md. */
  private static List<Path> citingFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path src : moduleSources()) {
      allFiles(src).stream().filter(p -> p.toString().endsWith(".java")).forEach(files::add);
    }
    try (Stream<Path> docs = Files.list(DOCS)) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    return files;
  }

  /** The src folder of each module: ../{@literal *}/src. */
  private static List<Path> moduleSources() throws IOException {
    try (Stream<Path> modules = Files.list(ROOT)) {
      return modules
          .map(m -> m.resolve("src"))
          .filter(Files::isDirectory)
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static List<Path> allFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file.toString(), e);
    }
  }

  /**
   * Joins lines, dropping the "*" or "//" that continues a comment, so a wrapped citation reads
   * whole.
   */
  private static String flatten(String text) {
    return text.replaceAll("\\R\\s*(?:\\*(?!/)|//)?\\s*", " ");
  }
}

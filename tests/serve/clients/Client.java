// A portal's client of the learning-models service, in plain JDK 17 (java.net.http):
// evaluate one household, then send a record the service must reject with a problem.
// Run: java Client.java http://127.0.0.1:8000
// Prints, per request, "STATUS CONTENT-TYPE" and the body on the next line.

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

public class Client {
    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8000";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String good = "{\"criteria\": \"vn/2021-2025/family\", \"year\": 2024, \"records\": "
                + "[{\"id\": \"HH-1\", \"name\": \"Hộ ông Nguyễn Văn An\", "
                + "\"school_age_children\": 2, \"children_in_school\": 2, \"adults\": 2}]}";
        String bad = "{\"criteria\": \"vn/2021-2025/famly\", \"records\": [{\"id\": \"HH-1\"}]}";
        for (String body : new String[] {good, bad}) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/evaluations"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Accept-Language", "vi")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("content-type").orElse("");
            System.out.println(response.statusCode() + " " + type);
            System.out.println(response.body().replace("\n", " "));
        }
    }
}

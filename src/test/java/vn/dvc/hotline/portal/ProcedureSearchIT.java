package vn.dvc.hotline.portal;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The public search suite again, against the packaged application (target/quarkus-app) in its own process. */
@QuarkusIntegrationTest
class ProcedureSearchIT extends ProcedureSearchTest {
}

# Writes kelurahan-grid.geojson: a synthetic, licence-free stand-in for the city's boundary file (NOT real boundaries).
# Each kecamatan is a block of 0.01° squares placed roughly where it lies (Lowokwaru north-west, Blimbing north-east,
# Klojen in the middle, Sukun south-west, Kedungkandang south-east). Kauman is a MultiPolygon of two halves, Klojen has
# a hole, and Lowokwaru's codes are written without dots, to exercise every path of the reader.
import json, re, pathlib

src = pathlib.Path(__file__).resolve().parents[4] / "Dashboard.Ingest/Reporting/ReferenceData.cs"
codes = sorted(set(re.findall(r'"(35\.73\.0[1-5]\.\d{4})"', src.read_text())))
blocks = {"35.73.05": (0, 0), "35.73.01": (9, 0), "35.73.02": (4.5, 2), "35.73.04": (0, 4), "35.73.03": (9, 4)}
size, lon0, lat0 = 0.01, 112.58, -7.90

def square(x, y, w=1.0):
    a, b = lon0 + x * size, lat0 - y * size
    return [[round(a, 5), round(b, 5)], [round(a + w * size, 5), round(b, 5)], [round(a + w * size, 5), round(b - size, 5)],
            [round(a, 5), round(b - size, 5)], [round(a, 5), round(b, 5)]]

features = []
for kec, (bx, by) in blocks.items():
    for i, code in enumerate(c for c in codes if c.startswith(kec + ".")):
        x, y = bx + i % 4, by + i // 4
        if code == "35.73.02.1007":
            geometry = {"type": "MultiPolygon", "coordinates": [[square(x, y, 0.5)], [square(x + 0.5, y, 0.5)]]}
        elif code == "35.73.02.1001":
            hole = [[lon0 + (x + 0.4) * size, lat0 - (y + 0.4) * size], [lon0 + (x + 0.4) * size, lat0 - (y + 0.6) * size],
                    [lon0 + (x + 0.6) * size, lat0 - (y + 0.6) * size], [lon0 + (x + 0.6) * size, lat0 - (y + 0.4) * size],
                    [lon0 + (x + 0.4) * size, lat0 - (y + 0.4) * size]]
            geometry = {"type": "Polygon", "coordinates": [square(x, y), [[round(a, 5), round(b, 5)] for a, b in hole]]}
        else:
            geometry = {"type": "Polygon", "coordinates": [square(x, y)]}
        written = code.replace(".", "") if kec == "35.73.05" else code
        features.append({"type": "Feature", "properties": {"kode_kelurahan": written}, "geometry": geometry})

doc = {"type": "FeatureCollection", "name": "Synthetic kelurahan grid for tests: not real boundaries", "features": features}
out = pathlib.Path(__file__).with_name("kelurahan-grid.geojson")
out.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
print(len(features), "features written to", out)

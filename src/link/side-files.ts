import { shipPackageData, type ShipPackageDataRequest } from './package-data'
import { shipStandaloneModules, type ShipRequest } from './ship-standalone'

/**
 * Everything that ships beside the binary, written into the output directory after
 * the link (called by src/pipeline.ts): standalone extension modules with the
 * libraries they need, and the packages listed as `filesystem-relative` in
 * package-data-location. Returns the files, relative to the output directory, sorted,
 * and says in the log that the folder must ship whole.
 */
export async function shipSideFiles(request: ShipRequest & ShipPackageDataRequest): Promise<string[]> {
  const sideFiles = [...(await shipStandaloneModules(request)), ...(await shipPackageData(request))].sort()
  if (sideFiles.length > 0) {
    // every file when there are few, else their folders (a package beside the binary has many)
    const shown =
      sideFiles.length <= 5 ? sideFiles : [...new Set(sideFiles.map(f => f.split('/').slice(0, 2).join('/')))]
    request.log(`the binary needs ${shown.join(', ')} beside it: ship ${request.outDir} as a folder`)
  }
  return sideFiles
}

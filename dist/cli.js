#!/usr/bin/env node
'use strict';
if (!globalThis.crypto) globalThis.crypto = require('node:crypto').webcrypto;
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// node_modules/@actions/exec/node_modules/@actions/io/lib/io-util.js
var require_io_util = __commonJS({
  "node_modules/@actions/exec/node_modules/@actions/io/lib/io-util.js"(exports2) {
    "use strict";
    var __createBinding = exports2 && exports2.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      Object.defineProperty(o, k2, { enumerable: true, get: function() {
        return m[k];
      } });
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports2 && exports2.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports2 && exports2.__importStar || function(mod) {
      if (mod && mod.__esModule) return mod;
      var result = {};
      if (mod != null) {
        for (var k in mod) if (k !== "default" && Object.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
      }
      __setModuleDefault(result, mod);
      return result;
    };
    var __awaiter = exports2 && exports2.__awaiter || function(thisArg, _arguments, P, generator) {
      function adopt(value) {
        return value instanceof P ? value : new P(function(resolve) {
          resolve(value);
        });
      }
      return new (P || (P = Promise))(function(resolve, reject) {
        function fulfilled(value) {
          try {
            step(generator.next(value));
          } catch (e) {
            reject(e);
          }
        }
        function rejected(value) {
          try {
            step(generator["throw"](value));
          } catch (e) {
            reject(e);
          }
        }
        function step(result) {
          result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
        }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
      });
    };
    var _a;
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.getCmdPath = exports2.tryGetExecutablePath = exports2.isRooted = exports2.isDirectory = exports2.exists = exports2.READONLY = exports2.UV_FS_O_EXLOCK = exports2.IS_WINDOWS = exports2.unlink = exports2.symlink = exports2.stat = exports2.rmdir = exports2.rm = exports2.rename = exports2.readlink = exports2.readdir = exports2.open = exports2.mkdir = exports2.lstat = exports2.copyFile = exports2.chmod = void 0;
    var fs5 = __importStar(require("fs"));
    var path73 = __importStar(require("path"));
    _a = fs5.promises, exports2.chmod = _a.chmod, exports2.copyFile = _a.copyFile, exports2.lstat = _a.lstat, exports2.mkdir = _a.mkdir, exports2.open = _a.open, exports2.readdir = _a.readdir, exports2.readlink = _a.readlink, exports2.rename = _a.rename, exports2.rm = _a.rm, exports2.rmdir = _a.rmdir, exports2.stat = _a.stat, exports2.symlink = _a.symlink, exports2.unlink = _a.unlink;
    exports2.IS_WINDOWS = process.platform === "win32";
    exports2.UV_FS_O_EXLOCK = 268435456;
    exports2.READONLY = fs5.constants.O_RDONLY;
    function exists(fsPath) {
      return __awaiter(this, void 0, void 0, function* () {
        try {
          yield exports2.stat(fsPath);
        } catch (err) {
          if (err.code === "ENOENT") {
            return false;
          }
          throw err;
        }
        return true;
      });
    }
    exports2.exists = exists;
    function isDirectory(fsPath, useStat = false) {
      return __awaiter(this, void 0, void 0, function* () {
        const stats = useStat ? yield exports2.stat(fsPath) : yield exports2.lstat(fsPath);
        return stats.isDirectory();
      });
    }
    exports2.isDirectory = isDirectory;
    function isRooted(p) {
      p = normalizeSeparators(p);
      if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
      }
      if (exports2.IS_WINDOWS) {
        return p.startsWith("\\") || /^[A-Z]:/i.test(p);
      }
      return p.startsWith("/");
    }
    exports2.isRooted = isRooted;
    function tryGetExecutablePath(filePath, extensions) {
      return __awaiter(this, void 0, void 0, function* () {
        let stats = void 0;
        try {
          stats = yield exports2.stat(filePath);
        } catch (err) {
          if (err.code !== "ENOENT") {
            console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
          }
        }
        if (stats && stats.isFile()) {
          if (exports2.IS_WINDOWS) {
            const upperExt = path73.extname(filePath).toUpperCase();
            if (extensions.some((validExt) => validExt.toUpperCase() === upperExt)) {
              return filePath;
            }
          } else {
            if (isUnixExecutable(stats)) {
              return filePath;
            }
          }
        }
        const originalFilePath = filePath;
        for (const extension of extensions) {
          filePath = originalFilePath + extension;
          stats = void 0;
          try {
            stats = yield exports2.stat(filePath);
          } catch (err) {
            if (err.code !== "ENOENT") {
              console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
          }
          if (stats && stats.isFile()) {
            if (exports2.IS_WINDOWS) {
              try {
                const directory = path73.dirname(filePath);
                const upperName = path73.basename(filePath).toUpperCase();
                for (const actualName of yield exports2.readdir(directory)) {
                  if (upperName === actualName.toUpperCase()) {
                    filePath = path73.join(directory, actualName);
                    break;
                  }
                }
              } catch (err) {
                console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
              }
              return filePath;
            } else {
              if (isUnixExecutable(stats)) {
                return filePath;
              }
            }
          }
        }
        return "";
      });
    }
    exports2.tryGetExecutablePath = tryGetExecutablePath;
    function normalizeSeparators(p) {
      p = p || "";
      if (exports2.IS_WINDOWS) {
        p = p.replace(/\//g, "\\");
        return p.replace(/\\\\+/g, "\\");
      }
      return p.replace(/\/\/+/g, "/");
    }
    function isUnixExecutable(stats) {
      return (stats.mode & 1) > 0 || (stats.mode & 8) > 0 && stats.gid === process.getgid() || (stats.mode & 64) > 0 && stats.uid === process.getuid();
    }
    function getCmdPath() {
      var _a2;
      return (_a2 = process.env["COMSPEC"]) !== null && _a2 !== void 0 ? _a2 : `cmd.exe`;
    }
    exports2.getCmdPath = getCmdPath;
  }
});

// node_modules/@actions/exec/node_modules/@actions/io/lib/io.js
var require_io = __commonJS({
  "node_modules/@actions/exec/node_modules/@actions/io/lib/io.js"(exports2) {
    "use strict";
    var __createBinding = exports2 && exports2.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      Object.defineProperty(o, k2, { enumerable: true, get: function() {
        return m[k];
      } });
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports2 && exports2.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports2 && exports2.__importStar || function(mod) {
      if (mod && mod.__esModule) return mod;
      var result = {};
      if (mod != null) {
        for (var k in mod) if (k !== "default" && Object.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
      }
      __setModuleDefault(result, mod);
      return result;
    };
    var __awaiter = exports2 && exports2.__awaiter || function(thisArg, _arguments, P, generator) {
      function adopt(value) {
        return value instanceof P ? value : new P(function(resolve) {
          resolve(value);
        });
      }
      return new (P || (P = Promise))(function(resolve, reject) {
        function fulfilled(value) {
          try {
            step(generator.next(value));
          } catch (e) {
            reject(e);
          }
        }
        function rejected(value) {
          try {
            step(generator["throw"](value));
          } catch (e) {
            reject(e);
          }
        }
        function step(result) {
          result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
        }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
      });
    };
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.findInPath = exports2.which = exports2.mkdirP = exports2.rmRF = exports2.mv = exports2.cp = void 0;
    var assert_1 = require("assert");
    var path73 = __importStar(require("path"));
    var ioUtil = __importStar(require_io_util());
    function cp4(source, dest, options = {}) {
      return __awaiter(this, void 0, void 0, function* () {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        if (destStat && destStat.isFile() && !force) {
          return;
        }
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory ? path73.join(dest, path73.basename(source)) : dest;
        if (!(yield ioUtil.exists(source))) {
          throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
          if (!recursive) {
            throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
          } else {
            yield cpDirRecursive(source, newDest, 0, force);
          }
        } else {
          if (path73.relative(source, newDest) === "") {
            throw new Error(`'${newDest}' and '${source}' are the same file`);
          }
          yield copyFile5(source, newDest, force);
        }
      });
    }
    exports2.cp = cp4;
    function mv(source, dest, options = {}) {
      return __awaiter(this, void 0, void 0, function* () {
        if (yield ioUtil.exists(dest)) {
          let destExists = true;
          if (yield ioUtil.isDirectory(dest)) {
            dest = path73.join(dest, path73.basename(source));
            destExists = yield ioUtil.exists(dest);
          }
          if (destExists) {
            if (options.force == null || options.force) {
              yield rmRF(dest);
            } else {
              throw new Error("Destination already exists");
            }
          }
        }
        yield mkdirP(path73.dirname(dest));
        yield ioUtil.rename(source, dest);
      });
    }
    exports2.mv = mv;
    function rmRF(inputPath) {
      return __awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
          if (/[*"<>|]/.test(inputPath)) {
            throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
          }
        }
        try {
          yield ioUtil.rm(inputPath, {
            force: true,
            maxRetries: 3,
            recursive: true,
            retryDelay: 300
          });
        } catch (err) {
          throw new Error(`File was unable to be removed ${err}`);
        }
      });
    }
    exports2.rmRF = rmRF;
    function mkdirP(fsPath) {
      return __awaiter(this, void 0, void 0, function* () {
        assert_1.ok(fsPath, "a path argument must be provided");
        yield ioUtil.mkdir(fsPath, { recursive: true });
      });
    }
    exports2.mkdirP = mkdirP;
    function which(tool, check) {
      return __awaiter(this, void 0, void 0, function* () {
        if (!tool) {
          throw new Error("parameter 'tool' is required");
        }
        if (check) {
          const result = yield which(tool, false);
          if (!result) {
            if (ioUtil.IS_WINDOWS) {
              throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
            } else {
              throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
            }
          }
          return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
          return matches[0];
        }
        return "";
      });
    }
    exports2.which = which;
    function findInPath(tool) {
      return __awaiter(this, void 0, void 0, function* () {
        if (!tool) {
          throw new Error("parameter 'tool' is required");
        }
        const extensions = [];
        if (ioUtil.IS_WINDOWS && process.env["PATHEXT"]) {
          for (const extension of process.env["PATHEXT"].split(path73.delimiter)) {
            if (extension) {
              extensions.push(extension);
            }
          }
        }
        if (ioUtil.isRooted(tool)) {
          const filePath = yield ioUtil.tryGetExecutablePath(tool, extensions);
          if (filePath) {
            return [filePath];
          }
          return [];
        }
        if (tool.includes(path73.sep)) {
          return [];
        }
        const directories = [];
        if (process.env.PATH) {
          for (const p of process.env.PATH.split(path73.delimiter)) {
            if (p) {
              directories.push(p);
            }
          }
        }
        const matches = [];
        for (const directory of directories) {
          const filePath = yield ioUtil.tryGetExecutablePath(path73.join(directory, tool), extensions);
          if (filePath) {
            matches.push(filePath);
          }
        }
        return matches;
      });
    }
    exports2.findInPath = findInPath;
    function readCopyOptions(options) {
      const force = options.force == null ? true : options.force;
      const recursive = Boolean(options.recursive);
      const copySourceDirectory = options.copySourceDirectory == null ? true : Boolean(options.copySourceDirectory);
      return { force, recursive, copySourceDirectory };
    }
    function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
      return __awaiter(this, void 0, void 0, function* () {
        if (currentDepth >= 255)
          return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
          const srcFile = `${sourceDir}/${fileName}`;
          const destFile = `${destDir}/${fileName}`;
          const srcFileStat = yield ioUtil.lstat(srcFile);
          if (srcFileStat.isDirectory()) {
            yield cpDirRecursive(srcFile, destFile, currentDepth, force);
          } else {
            yield copyFile5(srcFile, destFile, force);
          }
        }
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
      });
    }
    function copyFile5(srcFile, destFile, force) {
      return __awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
          try {
            yield ioUtil.lstat(destFile);
            yield ioUtil.unlink(destFile);
          } catch (e) {
            if (e.code === "EPERM") {
              yield ioUtil.chmod(destFile, "0666");
              yield ioUtil.unlink(destFile);
            }
          }
          const symlinkFull = yield ioUtil.readlink(srcFile);
          yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? "junction" : null);
        } else if (!(yield ioUtil.exists(destFile)) || force) {
          yield ioUtil.copyFile(srcFile, destFile);
        }
      });
    }
  }
});

// node_modules/@actions/exec/lib/toolrunner.js
var require_toolrunner = __commonJS({
  "node_modules/@actions/exec/lib/toolrunner.js"(exports2) {
    "use strict";
    var __createBinding = exports2 && exports2.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      Object.defineProperty(o, k2, { enumerable: true, get: function() {
        return m[k];
      } });
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports2 && exports2.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports2 && exports2.__importStar || function(mod) {
      if (mod && mod.__esModule) return mod;
      var result = {};
      if (mod != null) {
        for (var k in mod) if (k !== "default" && Object.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
      }
      __setModuleDefault(result, mod);
      return result;
    };
    var __awaiter = exports2 && exports2.__awaiter || function(thisArg, _arguments, P, generator) {
      function adopt(value) {
        return value instanceof P ? value : new P(function(resolve) {
          resolve(value);
        });
      }
      return new (P || (P = Promise))(function(resolve, reject) {
        function fulfilled(value) {
          try {
            step(generator.next(value));
          } catch (e) {
            reject(e);
          }
        }
        function rejected(value) {
          try {
            step(generator["throw"](value));
          } catch (e) {
            reject(e);
          }
        }
        function step(result) {
          result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
        }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
      });
    };
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.argStringToArray = exports2.ToolRunner = void 0;
    var os4 = __importStar(require("os"));
    var events = __importStar(require("events"));
    var child = __importStar(require("child_process"));
    var path73 = __importStar(require("path"));
    var io = __importStar(require_io());
    var ioUtil = __importStar(require_io_util());
    var timers_1 = require("timers");
    var IS_WINDOWS = process.platform === "win32";
    var ToolRunner2 = class extends events.EventEmitter {
      constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
          throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
      }
      _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
          this.options.listeners.debug(message);
        }
      }
      _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? "" : "[command]";
        if (IS_WINDOWS) {
          if (this._isCmdFile()) {
            cmd += toolPath;
            for (const a of args) {
              cmd += ` ${a}`;
            }
          } else if (options.windowsVerbatimArguments) {
            cmd += `"${toolPath}"`;
            for (const a of args) {
              cmd += ` ${a}`;
            }
          } else {
            cmd += this._windowsQuoteCmdArg(toolPath);
            for (const a of args) {
              cmd += ` ${this._windowsQuoteCmdArg(a)}`;
            }
          }
        } else {
          cmd += toolPath;
          for (const a of args) {
            cmd += ` ${a}`;
          }
        }
        return cmd;
      }
      _processLineBuffer(data, strBuffer, onLine) {
        try {
          let s = strBuffer + data.toString();
          let n = s.indexOf(os4.EOL);
          while (n > -1) {
            const line = s.substring(0, n);
            onLine(line);
            s = s.substring(n + os4.EOL.length);
            n = s.indexOf(os4.EOL);
          }
          return s;
        } catch (err) {
          this._debug(`error processing line. Failed with error ${err}`);
          return "";
        }
      }
      _getSpawnFileName() {
        if (IS_WINDOWS) {
          if (this._isCmdFile()) {
            return process.env["COMSPEC"] || "cmd.exe";
          }
        }
        return this.toolPath;
      }
      _getSpawnArgs(options) {
        if (IS_WINDOWS) {
          if (this._isCmdFile()) {
            let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
            for (const a of this.args) {
              argline += " ";
              argline += options.windowsVerbatimArguments ? a : this._windowsQuoteCmdArg(a);
            }
            argline += '"';
            return [argline];
          }
        }
        return this.args;
      }
      _endsWith(str, end) {
        return str.endsWith(end);
      }
      _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return this._endsWith(upperToolPath, ".CMD") || this._endsWith(upperToolPath, ".BAT");
      }
      _windowsQuoteCmdArg(arg) {
        if (!this._isCmdFile()) {
          return this._uvQuoteCmdArg(arg);
        }
        if (!arg) {
          return '""';
        }
        const cmdSpecialChars = [
          " ",
          "	",
          "&",
          "(",
          ")",
          "[",
          "]",
          "{",
          "}",
          "^",
          "=",
          ";",
          "!",
          "'",
          "+",
          ",",
          "`",
          "~",
          "|",
          "<",
          ">",
          '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
          if (cmdSpecialChars.some((x) => x === char)) {
            needsQuotes = true;
            break;
          }
        }
        if (!needsQuotes) {
          return arg;
        }
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
          reverse += arg[i - 1];
          if (quoteHit && arg[i - 1] === "\\") {
            reverse += "\\";
          } else if (arg[i - 1] === '"') {
            quoteHit = true;
            reverse += '"';
          } else {
            quoteHit = false;
          }
        }
        reverse += '"';
        return reverse.split("").reverse().join("");
      }
      _uvQuoteCmdArg(arg) {
        if (!arg) {
          return '""';
        }
        if (!arg.includes(" ") && !arg.includes("	") && !arg.includes('"')) {
          return arg;
        }
        if (!arg.includes('"') && !arg.includes("\\")) {
          return `"${arg}"`;
        }
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
          reverse += arg[i - 1];
          if (quoteHit && arg[i - 1] === "\\") {
            reverse += "\\";
          } else if (arg[i - 1] === '"') {
            quoteHit = true;
            reverse += "\\";
          } else {
            quoteHit = false;
          }
        }
        reverse += '"';
        return reverse.split("").reverse().join("");
      }
      _cloneExecOptions(options) {
        options = options || {};
        const result = {
          cwd: options.cwd || process.cwd(),
          env: options.env || process.env,
          silent: options.silent || false,
          windowsVerbatimArguments: options.windowsVerbatimArguments || false,
          failOnStdErr: options.failOnStdErr || false,
          ignoreReturnCode: options.ignoreReturnCode || false,
          delay: options.delay || 1e4
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
      }
      _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result["windowsVerbatimArguments"] = options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
          result.argv0 = `"${toolPath}"`;
        }
        return result;
      }
      /**
       * Exec a tool.
       * Output will be streamed to the live console.
       * Returns promise with return code
       *
       * @param     tool     path to tool to exec
       * @param     options  optional exec options.  See ExecOptions
       * @returns   number
       */
      exec() {
        return __awaiter(this, void 0, void 0, function* () {
          if (!ioUtil.isRooted(this.toolPath) && (this.toolPath.includes("/") || IS_WINDOWS && this.toolPath.includes("\\"))) {
            this.toolPath = path73.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
          }
          this.toolPath = yield io.which(this.toolPath, true);
          return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
            this._debug(`exec tool: ${this.toolPath}`);
            this._debug("arguments:");
            for (const arg of this.args) {
              this._debug(`   ${arg}`);
            }
            const optionsNonNull = this._cloneExecOptions(this.options);
            if (!optionsNonNull.silent && optionsNonNull.outStream) {
              optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os4.EOL);
            }
            const state = new ExecState(optionsNonNull, this.toolPath);
            state.on("debug", (message) => {
              this._debug(message);
            });
            if (this.options.cwd && !(yield ioUtil.exists(this.options.cwd))) {
              return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
            }
            const fileName = this._getSpawnFileName();
            const cp4 = child.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
            let stdbuffer = "";
            if (cp4.stdout) {
              cp4.stdout.on("data", (data) => {
                if (this.options.listeners && this.options.listeners.stdout) {
                  this.options.listeners.stdout(data);
                }
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                  optionsNonNull.outStream.write(data);
                }
                stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                  if (this.options.listeners && this.options.listeners.stdline) {
                    this.options.listeners.stdline(line);
                  }
                });
              });
            }
            let errbuffer = "";
            if (cp4.stderr) {
              cp4.stderr.on("data", (data) => {
                state.processStderr = true;
                if (this.options.listeners && this.options.listeners.stderr) {
                  this.options.listeners.stderr(data);
                }
                if (!optionsNonNull.silent && optionsNonNull.errStream && optionsNonNull.outStream) {
                  const s = optionsNonNull.failOnStdErr ? optionsNonNull.errStream : optionsNonNull.outStream;
                  s.write(data);
                }
                errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                  if (this.options.listeners && this.options.listeners.errline) {
                    this.options.listeners.errline(line);
                  }
                });
              });
            }
            cp4.on("error", (err) => {
              state.processError = err.message;
              state.processExited = true;
              state.processClosed = true;
              state.CheckComplete();
            });
            cp4.on("exit", (code2) => {
              state.processExitCode = code2;
              state.processExited = true;
              this._debug(`Exit code ${code2} received from tool '${this.toolPath}'`);
              state.CheckComplete();
            });
            cp4.on("close", (code2) => {
              state.processExitCode = code2;
              state.processExited = true;
              state.processClosed = true;
              this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
              state.CheckComplete();
            });
            state.on("done", (error, exitCode) => {
              if (stdbuffer.length > 0) {
                this.emit("stdline", stdbuffer);
              }
              if (errbuffer.length > 0) {
                this.emit("errline", errbuffer);
              }
              cp4.removeAllListeners();
              if (error) {
                reject(error);
              } else {
                resolve(exitCode);
              }
            });
            if (this.options.input) {
              if (!cp4.stdin) {
                throw new Error("child process missing stdin");
              }
              cp4.stdin.end(this.options.input);
            }
          }));
        });
      }
    };
    exports2.ToolRunner = ToolRunner2;
    function argStringToArray(argString) {
      const args = [];
      let inQuotes = false;
      let escaped = false;
      let arg = "";
      function append(c) {
        if (escaped && c !== '"') {
          arg += "\\";
        }
        arg += c;
        escaped = false;
      }
      for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
          if (!escaped) {
            inQuotes = !inQuotes;
          } else {
            append(c);
          }
          continue;
        }
        if (c === "\\" && escaped) {
          append(c);
          continue;
        }
        if (c === "\\" && inQuotes) {
          escaped = true;
          continue;
        }
        if (c === " " && !inQuotes) {
          if (arg.length > 0) {
            args.push(arg);
            arg = "";
          }
          continue;
        }
        append(c);
      }
      if (arg.length > 0) {
        args.push(arg.trim());
      }
      return args;
    }
    exports2.argStringToArray = argStringToArray;
    var ExecState = class _ExecState extends events.EventEmitter {
      constructor(options, toolPath) {
        super();
        this.processClosed = false;
        this.processError = "";
        this.processExitCode = 0;
        this.processExited = false;
        this.processStderr = false;
        this.delay = 1e4;
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
          throw new Error("toolPath must not be empty");
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
          this.delay = options.delay;
        }
      }
      CheckComplete() {
        if (this.done) {
          return;
        }
        if (this.processClosed) {
          this._setResult();
        } else if (this.processExited) {
          this.timeout = timers_1.setTimeout(_ExecState.HandleTimeout, this.delay, this);
        }
      }
      _debug(message) {
        this.emit("debug", message);
      }
      _setResult() {
        let error;
        if (this.processExited) {
          if (this.processError) {
            error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
          } else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
            error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
          } else if (this.processStderr && this.options.failOnStdErr) {
            error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
          }
        }
        if (this.timeout) {
          clearTimeout(this.timeout);
          this.timeout = null;
        }
        this.done = true;
        this.emit("done", error, this.processExitCode);
      }
      static HandleTimeout(state) {
        if (state.done) {
          return;
        }
        if (!state.processClosed && state.processExited) {
          const message = `The STDIO streams did not close within ${state.delay / 1e3} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
          state._debug(message);
        }
        state._setResult();
      }
    };
  }
});

// src/cli.ts
var cli_exports = {};
__export(cli_exports, {
  main: () => main
});
module.exports = __toCommonJS(cli_exports);

// src/commands/build.ts
var import_node_util = require("node:util");

// node_modules/zod/v3/external.js
var external_exports = {};
__export(external_exports, {
  BRAND: () => BRAND,
  DIRTY: () => DIRTY,
  EMPTY_PATH: () => EMPTY_PATH,
  INVALID: () => INVALID,
  NEVER: () => NEVER,
  OK: () => OK,
  ParseStatus: () => ParseStatus,
  Schema: () => ZodType,
  ZodAny: () => ZodAny,
  ZodArray: () => ZodArray,
  ZodBigInt: () => ZodBigInt,
  ZodBoolean: () => ZodBoolean,
  ZodBranded: () => ZodBranded,
  ZodCatch: () => ZodCatch,
  ZodDate: () => ZodDate,
  ZodDefault: () => ZodDefault,
  ZodDiscriminatedUnion: () => ZodDiscriminatedUnion,
  ZodEffects: () => ZodEffects,
  ZodEnum: () => ZodEnum,
  ZodError: () => ZodError,
  ZodFirstPartyTypeKind: () => ZodFirstPartyTypeKind,
  ZodFunction: () => ZodFunction,
  ZodIntersection: () => ZodIntersection,
  ZodIssueCode: () => ZodIssueCode,
  ZodLazy: () => ZodLazy,
  ZodLiteral: () => ZodLiteral,
  ZodMap: () => ZodMap,
  ZodNaN: () => ZodNaN,
  ZodNativeEnum: () => ZodNativeEnum,
  ZodNever: () => ZodNever,
  ZodNull: () => ZodNull,
  ZodNullable: () => ZodNullable,
  ZodNumber: () => ZodNumber,
  ZodObject: () => ZodObject,
  ZodOptional: () => ZodOptional,
  ZodParsedType: () => ZodParsedType,
  ZodPipeline: () => ZodPipeline,
  ZodPromise: () => ZodPromise,
  ZodReadonly: () => ZodReadonly,
  ZodRecord: () => ZodRecord,
  ZodSchema: () => ZodType,
  ZodSet: () => ZodSet,
  ZodString: () => ZodString,
  ZodSymbol: () => ZodSymbol,
  ZodTransformer: () => ZodEffects,
  ZodTuple: () => ZodTuple,
  ZodType: () => ZodType,
  ZodUndefined: () => ZodUndefined,
  ZodUnion: () => ZodUnion,
  ZodUnknown: () => ZodUnknown,
  ZodVoid: () => ZodVoid,
  addIssueToContext: () => addIssueToContext,
  any: () => anyType,
  array: () => arrayType,
  bigint: () => bigIntType,
  boolean: () => booleanType,
  coerce: () => coerce,
  custom: () => custom,
  date: () => dateType,
  datetimeRegex: () => datetimeRegex,
  defaultErrorMap: () => en_default,
  discriminatedUnion: () => discriminatedUnionType,
  effect: () => effectsType,
  enum: () => enumType,
  function: () => functionType,
  getErrorMap: () => getErrorMap,
  getParsedType: () => getParsedType,
  instanceof: () => instanceOfType,
  intersection: () => intersectionType,
  isAborted: () => isAborted,
  isAsync: () => isAsync,
  isDirty: () => isDirty,
  isValid: () => isValid,
  late: () => late,
  lazy: () => lazyType,
  literal: () => literalType,
  makeIssue: () => makeIssue,
  map: () => mapType,
  nan: () => nanType,
  nativeEnum: () => nativeEnumType,
  never: () => neverType,
  null: () => nullType,
  nullable: () => nullableType,
  number: () => numberType,
  object: () => objectType,
  objectUtil: () => objectUtil,
  oboolean: () => oboolean,
  onumber: () => onumber,
  optional: () => optionalType,
  ostring: () => ostring,
  pipeline: () => pipelineType,
  preprocess: () => preprocessType,
  promise: () => promiseType,
  quotelessJson: () => quotelessJson,
  record: () => recordType,
  set: () => setType,
  setErrorMap: () => setErrorMap,
  strictObject: () => strictObjectType,
  string: () => stringType,
  symbol: () => symbolType,
  transformer: () => effectsType,
  tuple: () => tupleType,
  undefined: () => undefinedType,
  union: () => unionType,
  unknown: () => unknownType,
  util: () => util,
  void: () => voidType
});

// node_modules/zod/v3/helpers/util.js
var util;
(function(util2) {
  util2.assertEqual = (_) => {
  };
  function assertIs(_arg) {
  }
  util2.assertIs = assertIs;
  function assertNever(_x) {
    throw new Error();
  }
  util2.assertNever = assertNever;
  util2.arrayToEnum = (items) => {
    const obj = {};
    for (const item of items) {
      obj[item] = item;
    }
    return obj;
  };
  util2.getValidEnumValues = (obj) => {
    const validKeys = util2.objectKeys(obj).filter((k) => typeof obj[obj[k]] !== "number");
    const filtered = {};
    for (const k of validKeys) {
      filtered[k] = obj[k];
    }
    return util2.objectValues(filtered);
  };
  util2.objectValues = (obj) => {
    return util2.objectKeys(obj).map(function(e) {
      return obj[e];
    });
  };
  util2.objectKeys = typeof Object.keys === "function" ? (obj) => Object.keys(obj) : (object) => {
    const keys = [];
    for (const key in object) {
      if (Object.prototype.hasOwnProperty.call(object, key)) {
        keys.push(key);
      }
    }
    return keys;
  };
  util2.find = (arr, checker) => {
    for (const item of arr) {
      if (checker(item))
        return item;
    }
    return void 0;
  };
  util2.isInteger = typeof Number.isInteger === "function" ? (val) => Number.isInteger(val) : (val) => typeof val === "number" && Number.isFinite(val) && Math.floor(val) === val;
  function joinValues(array, separator = " | ") {
    return array.map((val) => typeof val === "string" ? `'${val}'` : val).join(separator);
  }
  util2.joinValues = joinValues;
  util2.jsonStringifyReplacer = (_, value) => {
    if (typeof value === "bigint") {
      return value.toString();
    }
    return value;
  };
})(util || (util = {}));
var objectUtil;
(function(objectUtil2) {
  objectUtil2.mergeShapes = (first, second) => {
    return {
      ...first,
      ...second
      // second overwrites first
    };
  };
})(objectUtil || (objectUtil = {}));
var ZodParsedType = util.arrayToEnum([
  "string",
  "nan",
  "number",
  "integer",
  "float",
  "boolean",
  "date",
  "bigint",
  "symbol",
  "function",
  "undefined",
  "null",
  "array",
  "object",
  "unknown",
  "promise",
  "void",
  "never",
  "map",
  "set"
]);
var getParsedType = (data) => {
  const t = typeof data;
  switch (t) {
    case "undefined":
      return ZodParsedType.undefined;
    case "string":
      return ZodParsedType.string;
    case "number":
      return Number.isNaN(data) ? ZodParsedType.nan : ZodParsedType.number;
    case "boolean":
      return ZodParsedType.boolean;
    case "function":
      return ZodParsedType.function;
    case "bigint":
      return ZodParsedType.bigint;
    case "symbol":
      return ZodParsedType.symbol;
    case "object":
      if (Array.isArray(data)) {
        return ZodParsedType.array;
      }
      if (data === null) {
        return ZodParsedType.null;
      }
      if (data.then && typeof data.then === "function" && data.catch && typeof data.catch === "function") {
        return ZodParsedType.promise;
      }
      if (typeof Map !== "undefined" && data instanceof Map) {
        return ZodParsedType.map;
      }
      if (typeof Set !== "undefined" && data instanceof Set) {
        return ZodParsedType.set;
      }
      if (typeof Date !== "undefined" && data instanceof Date) {
        return ZodParsedType.date;
      }
      return ZodParsedType.object;
    default:
      return ZodParsedType.unknown;
  }
};

// node_modules/zod/v3/ZodError.js
var ZodIssueCode = util.arrayToEnum([
  "invalid_type",
  "invalid_literal",
  "custom",
  "invalid_union",
  "invalid_union_discriminator",
  "invalid_enum_value",
  "unrecognized_keys",
  "invalid_arguments",
  "invalid_return_type",
  "invalid_date",
  "invalid_string",
  "too_small",
  "too_big",
  "invalid_intersection_types",
  "not_multiple_of",
  "not_finite"
]);
var quotelessJson = (obj) => {
  const json = JSON.stringify(obj, null, 2);
  return json.replace(/"([^"]+)":/g, "$1:");
};
var ZodError = class _ZodError extends Error {
  get errors() {
    return this.issues;
  }
  constructor(issues) {
    super();
    this.issues = [];
    this.addIssue = (sub) => {
      this.issues = [...this.issues, sub];
    };
    this.addIssues = (subs = []) => {
      this.issues = [...this.issues, ...subs];
    };
    const actualProto = new.target.prototype;
    if (Object.setPrototypeOf) {
      Object.setPrototypeOf(this, actualProto);
    } else {
      this.__proto__ = actualProto;
    }
    this.name = "ZodError";
    this.issues = issues;
  }
  format(_mapper) {
    const mapper = _mapper || function(issue) {
      return issue.message;
    };
    const fieldErrors = { _errors: [] };
    const processError = (error) => {
      for (const issue of error.issues) {
        if (issue.code === "invalid_union") {
          issue.unionErrors.map(processError);
        } else if (issue.code === "invalid_return_type") {
          processError(issue.returnTypeError);
        } else if (issue.code === "invalid_arguments") {
          processError(issue.argumentsError);
        } else if (issue.path.length === 0) {
          fieldErrors._errors.push(mapper(issue));
        } else {
          let curr = fieldErrors;
          let i = 0;
          while (i < issue.path.length) {
            const el = issue.path[i];
            const terminal = i === issue.path.length - 1;
            if (!terminal) {
              curr[el] = curr[el] || { _errors: [] };
            } else {
              curr[el] = curr[el] || { _errors: [] };
              curr[el]._errors.push(mapper(issue));
            }
            curr = curr[el];
            i++;
          }
        }
      }
    };
    processError(this);
    return fieldErrors;
  }
  static assert(value) {
    if (!(value instanceof _ZodError)) {
      throw new Error(`Not a ZodError: ${value}`);
    }
  }
  toString() {
    return this.message;
  }
  get message() {
    return JSON.stringify(this.issues, util.jsonStringifyReplacer, 2);
  }
  get isEmpty() {
    return this.issues.length === 0;
  }
  flatten(mapper = (issue) => issue.message) {
    const fieldErrors = {};
    const formErrors = [];
    for (const sub of this.issues) {
      if (sub.path.length > 0) {
        const firstEl = sub.path[0];
        fieldErrors[firstEl] = fieldErrors[firstEl] || [];
        fieldErrors[firstEl].push(mapper(sub));
      } else {
        formErrors.push(mapper(sub));
      }
    }
    return { formErrors, fieldErrors };
  }
  get formErrors() {
    return this.flatten();
  }
};
ZodError.create = (issues) => {
  const error = new ZodError(issues);
  return error;
};

// node_modules/zod/v3/locales/en.js
var errorMap = (issue, _ctx) => {
  let message;
  switch (issue.code) {
    case ZodIssueCode.invalid_type:
      if (issue.received === ZodParsedType.undefined) {
        message = "Required";
      } else {
        message = `Expected ${issue.expected}, received ${issue.received}`;
      }
      break;
    case ZodIssueCode.invalid_literal:
      message = `Invalid literal value, expected ${JSON.stringify(issue.expected, util.jsonStringifyReplacer)}`;
      break;
    case ZodIssueCode.unrecognized_keys:
      message = `Unrecognized key(s) in object: ${util.joinValues(issue.keys, ", ")}`;
      break;
    case ZodIssueCode.invalid_union:
      message = `Invalid input`;
      break;
    case ZodIssueCode.invalid_union_discriminator:
      message = `Invalid discriminator value. Expected ${util.joinValues(issue.options)}`;
      break;
    case ZodIssueCode.invalid_enum_value:
      message = `Invalid enum value. Expected ${util.joinValues(issue.options)}, received '${issue.received}'`;
      break;
    case ZodIssueCode.invalid_arguments:
      message = `Invalid function arguments`;
      break;
    case ZodIssueCode.invalid_return_type:
      message = `Invalid function return type`;
      break;
    case ZodIssueCode.invalid_date:
      message = `Invalid date`;
      break;
    case ZodIssueCode.invalid_string:
      if (typeof issue.validation === "object") {
        if ("includes" in issue.validation) {
          message = `Invalid input: must include "${issue.validation.includes}"`;
          if (typeof issue.validation.position === "number") {
            message = `${message} at one or more positions greater than or equal to ${issue.validation.position}`;
          }
        } else if ("startsWith" in issue.validation) {
          message = `Invalid input: must start with "${issue.validation.startsWith}"`;
        } else if ("endsWith" in issue.validation) {
          message = `Invalid input: must end with "${issue.validation.endsWith}"`;
        } else {
          util.assertNever(issue.validation);
        }
      } else if (issue.validation !== "regex") {
        message = `Invalid ${issue.validation}`;
      } else {
        message = "Invalid";
      }
      break;
    case ZodIssueCode.too_small:
      if (issue.type === "array")
        message = `Array must contain ${issue.exact ? "exactly" : issue.inclusive ? `at least` : `more than`} ${issue.minimum} element(s)`;
      else if (issue.type === "string")
        message = `String must contain ${issue.exact ? "exactly" : issue.inclusive ? `at least` : `over`} ${issue.minimum} character(s)`;
      else if (issue.type === "number")
        message = `Number must be ${issue.exact ? `exactly equal to ` : issue.inclusive ? `greater than or equal to ` : `greater than `}${issue.minimum}`;
      else if (issue.type === "bigint")
        message = `Number must be ${issue.exact ? `exactly equal to ` : issue.inclusive ? `greater than or equal to ` : `greater than `}${issue.minimum}`;
      else if (issue.type === "date")
        message = `Date must be ${issue.exact ? `exactly equal to ` : issue.inclusive ? `greater than or equal to ` : `greater than `}${new Date(Number(issue.minimum))}`;
      else
        message = "Invalid input";
      break;
    case ZodIssueCode.too_big:
      if (issue.type === "array")
        message = `Array must contain ${issue.exact ? `exactly` : issue.inclusive ? `at most` : `less than`} ${issue.maximum} element(s)`;
      else if (issue.type === "string")
        message = `String must contain ${issue.exact ? `exactly` : issue.inclusive ? `at most` : `under`} ${issue.maximum} character(s)`;
      else if (issue.type === "number")
        message = `Number must be ${issue.exact ? `exactly` : issue.inclusive ? `less than or equal to` : `less than`} ${issue.maximum}`;
      else if (issue.type === "bigint")
        message = `BigInt must be ${issue.exact ? `exactly` : issue.inclusive ? `less than or equal to` : `less than`} ${issue.maximum}`;
      else if (issue.type === "date")
        message = `Date must be ${issue.exact ? `exactly` : issue.inclusive ? `smaller than or equal to` : `smaller than`} ${new Date(Number(issue.maximum))}`;
      else
        message = "Invalid input";
      break;
    case ZodIssueCode.custom:
      message = `Invalid input`;
      break;
    case ZodIssueCode.invalid_intersection_types:
      message = `Intersection results could not be merged`;
      break;
    case ZodIssueCode.not_multiple_of:
      message = `Number must be a multiple of ${issue.multipleOf}`;
      break;
    case ZodIssueCode.not_finite:
      message = "Number must be finite";
      break;
    default:
      message = _ctx.defaultError;
      util.assertNever(issue);
  }
  return { message };
};
var en_default = errorMap;

// node_modules/zod/v3/errors.js
var overrideErrorMap = en_default;
function setErrorMap(map) {
  overrideErrorMap = map;
}
function getErrorMap() {
  return overrideErrorMap;
}

// node_modules/zod/v3/helpers/parseUtil.js
var makeIssue = (params) => {
  const { data, path: path73, errorMaps, issueData } = params;
  const fullPath = [...path73, ...issueData.path || []];
  const fullIssue = {
    ...issueData,
    path: fullPath
  };
  if (issueData.message !== void 0) {
    return {
      ...issueData,
      path: fullPath,
      message: issueData.message
    };
  }
  let errorMessage = "";
  const maps = errorMaps.filter((m) => !!m).slice().reverse();
  for (const map of maps) {
    errorMessage = map(fullIssue, { data, defaultError: errorMessage }).message;
  }
  return {
    ...issueData,
    path: fullPath,
    message: errorMessage
  };
};
var EMPTY_PATH = [];
function addIssueToContext(ctx, issueData) {
  const overrideMap = getErrorMap();
  const issue = makeIssue({
    issueData,
    data: ctx.data,
    path: ctx.path,
    errorMaps: [
      ctx.common.contextualErrorMap,
      // contextual error map is first priority
      ctx.schemaErrorMap,
      // then schema-bound map if available
      overrideMap,
      // then global override map
      overrideMap === en_default ? void 0 : en_default
      // then global default map
    ].filter((x) => !!x)
  });
  ctx.common.issues.push(issue);
}
var ParseStatus = class _ParseStatus {
  constructor() {
    this.value = "valid";
  }
  dirty() {
    if (this.value === "valid")
      this.value = "dirty";
  }
  abort() {
    if (this.value !== "aborted")
      this.value = "aborted";
  }
  static mergeArray(status, results) {
    const arrayValue = [];
    for (const s of results) {
      if (s.status === "aborted")
        return INVALID;
      if (s.status === "dirty")
        status.dirty();
      arrayValue.push(s.value);
    }
    return { status: status.value, value: arrayValue };
  }
  static async mergeObjectAsync(status, pairs) {
    const syncPairs = [];
    for (const pair of pairs) {
      const key = await pair.key;
      const value = await pair.value;
      syncPairs.push({
        key,
        value
      });
    }
    return _ParseStatus.mergeObjectSync(status, syncPairs);
  }
  static mergeObjectSync(status, pairs) {
    const finalObject = {};
    for (const pair of pairs) {
      const { key, value } = pair;
      if (key.status === "aborted")
        return INVALID;
      if (value.status === "aborted")
        return INVALID;
      if (key.status === "dirty")
        status.dirty();
      if (value.status === "dirty")
        status.dirty();
      if (key.value !== "__proto__" && (typeof value.value !== "undefined" || pair.alwaysSet)) {
        finalObject[key.value] = value.value;
      }
    }
    return { status: status.value, value: finalObject };
  }
};
var INVALID = Object.freeze({
  status: "aborted"
});
var DIRTY = (value) => ({ status: "dirty", value });
var OK = (value) => ({ status: "valid", value });
var isAborted = (x) => x.status === "aborted";
var isDirty = (x) => x.status === "dirty";
var isValid = (x) => x.status === "valid";
var isAsync = (x) => typeof Promise !== "undefined" && x instanceof Promise;

// node_modules/zod/v3/helpers/errorUtil.js
var errorUtil;
(function(errorUtil2) {
  errorUtil2.errToObj = (message) => typeof message === "string" ? { message } : message || {};
  errorUtil2.toString = (message) => typeof message === "string" ? message : message?.message;
})(errorUtil || (errorUtil = {}));

// node_modules/zod/v3/types.js
var ParseInputLazyPath = class {
  constructor(parent, value, path73, key) {
    this._cachedPath = [];
    this.parent = parent;
    this.data = value;
    this._path = path73;
    this._key = key;
  }
  get path() {
    if (!this._cachedPath.length) {
      if (Array.isArray(this._key)) {
        this._cachedPath.push(...this._path, ...this._key);
      } else {
        this._cachedPath.push(...this._path, this._key);
      }
    }
    return this._cachedPath;
  }
};
var handleResult = (ctx, result) => {
  if (isValid(result)) {
    return { success: true, data: result.value };
  } else {
    if (!ctx.common.issues.length) {
      throw new Error("Validation failed but no issues detected.");
    }
    return {
      success: false,
      get error() {
        if (this._error)
          return this._error;
        const error = new ZodError(ctx.common.issues);
        this._error = error;
        return this._error;
      }
    };
  }
};
function processCreateParams(params) {
  if (!params)
    return {};
  const { errorMap: errorMap2, invalid_type_error, required_error, description } = params;
  if (errorMap2 && (invalid_type_error || required_error)) {
    throw new Error(`Can't use "invalid_type_error" or "required_error" in conjunction with custom error map.`);
  }
  if (errorMap2)
    return { errorMap: errorMap2, description };
  const customMap = (iss, ctx) => {
    const { message } = params;
    if (iss.code === "invalid_enum_value") {
      return { message: message ?? ctx.defaultError };
    }
    if (typeof ctx.data === "undefined") {
      return { message: message ?? required_error ?? ctx.defaultError };
    }
    if (iss.code !== "invalid_type")
      return { message: ctx.defaultError };
    return { message: message ?? invalid_type_error ?? ctx.defaultError };
  };
  return { errorMap: customMap, description };
}
var ZodType = class {
  get description() {
    return this._def.description;
  }
  _getType(input) {
    return getParsedType(input.data);
  }
  _getOrReturnCtx(input, ctx) {
    return ctx || {
      common: input.parent.common,
      data: input.data,
      parsedType: getParsedType(input.data),
      schemaErrorMap: this._def.errorMap,
      path: input.path,
      parent: input.parent
    };
  }
  _processInputParams(input) {
    return {
      status: new ParseStatus(),
      ctx: {
        common: input.parent.common,
        data: input.data,
        parsedType: getParsedType(input.data),
        schemaErrorMap: this._def.errorMap,
        path: input.path,
        parent: input.parent
      }
    };
  }
  _parseSync(input) {
    const result = this._parse(input);
    if (isAsync(result)) {
      throw new Error("Synchronous parse encountered promise.");
    }
    return result;
  }
  _parseAsync(input) {
    const result = this._parse(input);
    return Promise.resolve(result);
  }
  parse(data, params) {
    const result = this.safeParse(data, params);
    if (result.success)
      return result.data;
    throw result.error;
  }
  safeParse(data, params) {
    const ctx = {
      common: {
        issues: [],
        async: params?.async ?? false,
        contextualErrorMap: params?.errorMap
      },
      path: params?.path || [],
      schemaErrorMap: this._def.errorMap,
      parent: null,
      data,
      parsedType: getParsedType(data)
    };
    const result = this._parseSync({ data, path: ctx.path, parent: ctx });
    return handleResult(ctx, result);
  }
  "~validate"(data) {
    const ctx = {
      common: {
        issues: [],
        async: !!this["~standard"].async
      },
      path: [],
      schemaErrorMap: this._def.errorMap,
      parent: null,
      data,
      parsedType: getParsedType(data)
    };
    if (!this["~standard"].async) {
      try {
        const result = this._parseSync({ data, path: [], parent: ctx });
        return isValid(result) ? {
          value: result.value
        } : {
          issues: ctx.common.issues
        };
      } catch (err) {
        if (err?.message?.toLowerCase()?.includes("encountered")) {
          this["~standard"].async = true;
        }
        ctx.common = {
          issues: [],
          async: true
        };
      }
    }
    return this._parseAsync({ data, path: [], parent: ctx }).then((result) => isValid(result) ? {
      value: result.value
    } : {
      issues: ctx.common.issues
    });
  }
  async parseAsync(data, params) {
    const result = await this.safeParseAsync(data, params);
    if (result.success)
      return result.data;
    throw result.error;
  }
  async safeParseAsync(data, params) {
    const ctx = {
      common: {
        issues: [],
        contextualErrorMap: params?.errorMap,
        async: true
      },
      path: params?.path || [],
      schemaErrorMap: this._def.errorMap,
      parent: null,
      data,
      parsedType: getParsedType(data)
    };
    const maybeAsyncResult = this._parse({ data, path: ctx.path, parent: ctx });
    const result = await (isAsync(maybeAsyncResult) ? maybeAsyncResult : Promise.resolve(maybeAsyncResult));
    return handleResult(ctx, result);
  }
  refine(check, message) {
    const getIssueProperties = (val) => {
      if (typeof message === "string" || typeof message === "undefined") {
        return { message };
      } else if (typeof message === "function") {
        return message(val);
      } else {
        return message;
      }
    };
    return this._refinement((val, ctx) => {
      const result = check(val);
      const setError = () => ctx.addIssue({
        code: ZodIssueCode.custom,
        ...getIssueProperties(val)
      });
      if (typeof Promise !== "undefined" && result instanceof Promise) {
        return result.then((data) => {
          if (!data) {
            setError();
            return false;
          } else {
            return true;
          }
        });
      }
      if (!result) {
        setError();
        return false;
      } else {
        return true;
      }
    });
  }
  refinement(check, refinementData) {
    return this._refinement((val, ctx) => {
      if (!check(val)) {
        ctx.addIssue(typeof refinementData === "function" ? refinementData(val, ctx) : refinementData);
        return false;
      } else {
        return true;
      }
    });
  }
  _refinement(refinement) {
    return new ZodEffects({
      schema: this,
      typeName: ZodFirstPartyTypeKind.ZodEffects,
      effect: { type: "refinement", refinement }
    });
  }
  superRefine(refinement) {
    return this._refinement(refinement);
  }
  constructor(def) {
    this.spa = this.safeParseAsync;
    this._def = def;
    this.parse = this.parse.bind(this);
    this.safeParse = this.safeParse.bind(this);
    this.parseAsync = this.parseAsync.bind(this);
    this.safeParseAsync = this.safeParseAsync.bind(this);
    this.spa = this.spa.bind(this);
    this.refine = this.refine.bind(this);
    this.refinement = this.refinement.bind(this);
    this.superRefine = this.superRefine.bind(this);
    this.optional = this.optional.bind(this);
    this.nullable = this.nullable.bind(this);
    this.nullish = this.nullish.bind(this);
    this.array = this.array.bind(this);
    this.promise = this.promise.bind(this);
    this.or = this.or.bind(this);
    this.and = this.and.bind(this);
    this.transform = this.transform.bind(this);
    this.brand = this.brand.bind(this);
    this.default = this.default.bind(this);
    this.catch = this.catch.bind(this);
    this.describe = this.describe.bind(this);
    this.pipe = this.pipe.bind(this);
    this.readonly = this.readonly.bind(this);
    this.isNullable = this.isNullable.bind(this);
    this.isOptional = this.isOptional.bind(this);
    this["~standard"] = {
      version: 1,
      vendor: "zod",
      validate: (data) => this["~validate"](data)
    };
  }
  optional() {
    return ZodOptional.create(this, this._def);
  }
  nullable() {
    return ZodNullable.create(this, this._def);
  }
  nullish() {
    return this.nullable().optional();
  }
  array() {
    return ZodArray.create(this);
  }
  promise() {
    return ZodPromise.create(this, this._def);
  }
  or(option) {
    return ZodUnion.create([this, option], this._def);
  }
  and(incoming) {
    return ZodIntersection.create(this, incoming, this._def);
  }
  transform(transform) {
    return new ZodEffects({
      ...processCreateParams(this._def),
      schema: this,
      typeName: ZodFirstPartyTypeKind.ZodEffects,
      effect: { type: "transform", transform }
    });
  }
  default(def) {
    const defaultValueFunc = typeof def === "function" ? def : () => def;
    return new ZodDefault({
      ...processCreateParams(this._def),
      innerType: this,
      defaultValue: defaultValueFunc,
      typeName: ZodFirstPartyTypeKind.ZodDefault
    });
  }
  brand() {
    return new ZodBranded({
      typeName: ZodFirstPartyTypeKind.ZodBranded,
      type: this,
      ...processCreateParams(this._def)
    });
  }
  catch(def) {
    const catchValueFunc = typeof def === "function" ? def : () => def;
    return new ZodCatch({
      ...processCreateParams(this._def),
      innerType: this,
      catchValue: catchValueFunc,
      typeName: ZodFirstPartyTypeKind.ZodCatch
    });
  }
  describe(description) {
    const This = this.constructor;
    return new This({
      ...this._def,
      description
    });
  }
  pipe(target) {
    return ZodPipeline.create(this, target);
  }
  readonly() {
    return ZodReadonly.create(this);
  }
  isOptional() {
    return this.safeParse(void 0).success;
  }
  isNullable() {
    return this.safeParse(null).success;
  }
};
var cuidRegex = /^c[^\s-]{8,}$/i;
var cuid2Regex = /^[0-9a-z]+$/;
var ulidRegex = /^[0-9A-HJKMNP-TV-Z]{26}$/i;
var uuidRegex = /^[0-9a-fA-F]{8}\b-[0-9a-fA-F]{4}\b-[0-9a-fA-F]{4}\b-[0-9a-fA-F]{4}\b-[0-9a-fA-F]{12}$/i;
var nanoidRegex = /^[a-z0-9_-]{21}$/i;
var jwtRegex = /^[A-Za-z0-9-_]+\.[A-Za-z0-9-_]+\.[A-Za-z0-9-_]*$/;
var durationRegex = /^[-+]?P(?!$)(?:(?:[-+]?\d+Y)|(?:[-+]?\d+[.,]\d+Y$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:(?:[-+]?\d+W)|(?:[-+]?\d+[.,]\d+W$))?(?:(?:[-+]?\d+D)|(?:[-+]?\d+[.,]\d+D$))?(?:T(?=[\d+-])(?:(?:[-+]?\d+H)|(?:[-+]?\d+[.,]\d+H$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:[-+]?\d+(?:[.,]\d+)?S)?)??$/;
var emailRegex = /^(?!\.)(?!.*\.\.)([A-Z0-9_'+\-\.]*)[A-Z0-9_+-]@([A-Z0-9][A-Z0-9\-]*\.)+[A-Z]{2,}$/i;
var _emojiRegex = `^(\\p{Extended_Pictographic}|\\p{Emoji_Component})+$`;
var emojiRegex;
var ipv4Regex = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
var ipv4CidrRegex = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\/(3[0-2]|[12]?[0-9])$/;
var ipv6Regex = /^(([0-9a-fA-F]{1,4}:){7,7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:)|fe80:(:[0-9a-fA-F]{0,4}){0,4}%[0-9a-zA-Z]{1,}|::(ffff(:0{1,4}){0,1}:){0,1}((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\.){3,3}(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])|([0-9a-fA-F]{1,4}:){1,4}:((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\.){3,3}(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9]))$/;
var ipv6CidrRegex = /^(([0-9a-fA-F]{1,4}:){7,7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:)|fe80:(:[0-9a-fA-F]{0,4}){0,4}%[0-9a-zA-Z]{1,}|::(ffff(:0{1,4}){0,1}:){0,1}((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\.){3,3}(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])|([0-9a-fA-F]{1,4}:){1,4}:((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\.){3,3}(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9]))\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$/;
var base64Regex = /^([0-9a-zA-Z+/]{4})*(([0-9a-zA-Z+/]{2}==)|([0-9a-zA-Z+/]{3}=))?$/;
var base64urlRegex = /^([0-9a-zA-Z-_]{4})*(([0-9a-zA-Z-_]{2}(==)?)|([0-9a-zA-Z-_]{3}(=)?))?$/;
var dateRegexSource = `((\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-((0[13578]|1[02])-(0[1-9]|[12]\\d|3[01])|(0[469]|11)-(0[1-9]|[12]\\d|30)|(02)-(0[1-9]|1\\d|2[0-8])))`;
var dateRegex = new RegExp(`^${dateRegexSource}$`);
function timeRegexSource(args) {
  let secondsRegexSource = `[0-5]\\d`;
  if (args.precision) {
    secondsRegexSource = `${secondsRegexSource}\\.\\d{${args.precision}}`;
  } else if (args.precision == null) {
    secondsRegexSource = `${secondsRegexSource}(\\.\\d+)?`;
  }
  const secondsQuantifier = args.precision ? "+" : "?";
  return `([01]\\d|2[0-3]):[0-5]\\d(:${secondsRegexSource})${secondsQuantifier}`;
}
function timeRegex(args) {
  return new RegExp(`^${timeRegexSource(args)}$`);
}
function datetimeRegex(args) {
  let regex = `${dateRegexSource}T${timeRegexSource(args)}`;
  const opts = [];
  opts.push(args.local ? `Z?` : `Z`);
  if (args.offset)
    opts.push(`([+-]\\d{2}:?\\d{2})`);
  regex = `${regex}(${opts.join("|")})`;
  return new RegExp(`^${regex}$`);
}
function isValidIP(ip, version) {
  if ((version === "v4" || !version) && ipv4Regex.test(ip)) {
    return true;
  }
  if ((version === "v6" || !version) && ipv6Regex.test(ip)) {
    return true;
  }
  return false;
}
function isValidJWT(jwt, alg) {
  if (!jwtRegex.test(jwt))
    return false;
  try {
    const [header] = jwt.split(".");
    if (!header)
      return false;
    const base64 = header.replace(/-/g, "+").replace(/_/g, "/").padEnd(header.length + (4 - header.length % 4) % 4, "=");
    const decoded = JSON.parse(atob(base64));
    if (typeof decoded !== "object" || decoded === null)
      return false;
    if ("typ" in decoded && decoded?.typ !== "JWT")
      return false;
    if (!decoded.alg)
      return false;
    if (alg && decoded.alg !== alg)
      return false;
    return true;
  } catch {
    return false;
  }
}
function isValidCidr(ip, version) {
  if ((version === "v4" || !version) && ipv4CidrRegex.test(ip)) {
    return true;
  }
  if ((version === "v6" || !version) && ipv6CidrRegex.test(ip)) {
    return true;
  }
  return false;
}
var ZodString = class _ZodString extends ZodType {
  _parse(input) {
    if (this._def.coerce) {
      input.data = String(input.data);
    }
    const parsedType = this._getType(input);
    if (parsedType !== ZodParsedType.string) {
      const ctx2 = this._getOrReturnCtx(input);
      addIssueToContext(ctx2, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.string,
        received: ctx2.parsedType
      });
      return INVALID;
    }
    const status = new ParseStatus();
    let ctx = void 0;
    for (const check of this._def.checks) {
      if (check.kind === "min") {
        if (input.data.length < check.value) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.too_small,
            minimum: check.value,
            type: "string",
            inclusive: true,
            exact: false,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "max") {
        if (input.data.length > check.value) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.too_big,
            maximum: check.value,
            type: "string",
            inclusive: true,
            exact: false,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "length") {
        const tooBig = input.data.length > check.value;
        const tooSmall = input.data.length < check.value;
        if (tooBig || tooSmall) {
          ctx = this._getOrReturnCtx(input, ctx);
          if (tooBig) {
            addIssueToContext(ctx, {
              code: ZodIssueCode.too_big,
              maximum: check.value,
              type: "string",
              inclusive: true,
              exact: true,
              message: check.message
            });
          } else if (tooSmall) {
            addIssueToContext(ctx, {
              code: ZodIssueCode.too_small,
              minimum: check.value,
              type: "string",
              inclusive: true,
              exact: true,
              message: check.message
            });
          }
          status.dirty();
        }
      } else if (check.kind === "email") {
        if (!emailRegex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "email",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "emoji") {
        if (!emojiRegex) {
          emojiRegex = new RegExp(_emojiRegex, "u");
        }
        if (!emojiRegex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "emoji",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "uuid") {
        if (!uuidRegex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "uuid",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "nanoid") {
        if (!nanoidRegex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "nanoid",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "cuid") {
        if (!cuidRegex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "cuid",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "cuid2") {
        if (!cuid2Regex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "cuid2",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "ulid") {
        if (!ulidRegex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "ulid",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "url") {
        try {
          new URL(input.data);
        } catch {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "url",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "regex") {
        check.regex.lastIndex = 0;
        const testResult = check.regex.test(input.data);
        if (!testResult) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "regex",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "trim") {
        input.data = input.data.trim();
      } else if (check.kind === "includes") {
        if (!input.data.includes(check.value, check.position)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.invalid_string,
            validation: { includes: check.value, position: check.position },
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "toLowerCase") {
        input.data = input.data.toLowerCase();
      } else if (check.kind === "toUpperCase") {
        input.data = input.data.toUpperCase();
      } else if (check.kind === "startsWith") {
        if (!input.data.startsWith(check.value)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.invalid_string,
            validation: { startsWith: check.value },
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "endsWith") {
        if (!input.data.endsWith(check.value)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.invalid_string,
            validation: { endsWith: check.value },
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "datetime") {
        const regex = datetimeRegex(check);
        if (!regex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.invalid_string,
            validation: "datetime",
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "date") {
        const regex = dateRegex;
        if (!regex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.invalid_string,
            validation: "date",
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "time") {
        const regex = timeRegex(check);
        if (!regex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.invalid_string,
            validation: "time",
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "duration") {
        if (!durationRegex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "duration",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "ip") {
        if (!isValidIP(input.data, check.version)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "ip",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "jwt") {
        if (!isValidJWT(input.data, check.alg)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "jwt",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "cidr") {
        if (!isValidCidr(input.data, check.version)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "cidr",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "base64") {
        if (!base64Regex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "base64",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "base64url") {
        if (!base64urlRegex.test(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            validation: "base64url",
            code: ZodIssueCode.invalid_string,
            message: check.message
          });
          status.dirty();
        }
      } else {
        util.assertNever(check);
      }
    }
    return { status: status.value, value: input.data };
  }
  _regex(regex, validation, message) {
    return this.refinement((data) => regex.test(data), {
      validation,
      code: ZodIssueCode.invalid_string,
      ...errorUtil.errToObj(message)
    });
  }
  _addCheck(check) {
    return new _ZodString({
      ...this._def,
      checks: [...this._def.checks, check]
    });
  }
  email(message) {
    return this._addCheck({ kind: "email", ...errorUtil.errToObj(message) });
  }
  url(message) {
    return this._addCheck({ kind: "url", ...errorUtil.errToObj(message) });
  }
  emoji(message) {
    return this._addCheck({ kind: "emoji", ...errorUtil.errToObj(message) });
  }
  uuid(message) {
    return this._addCheck({ kind: "uuid", ...errorUtil.errToObj(message) });
  }
  nanoid(message) {
    return this._addCheck({ kind: "nanoid", ...errorUtil.errToObj(message) });
  }
  cuid(message) {
    return this._addCheck({ kind: "cuid", ...errorUtil.errToObj(message) });
  }
  cuid2(message) {
    return this._addCheck({ kind: "cuid2", ...errorUtil.errToObj(message) });
  }
  ulid(message) {
    return this._addCheck({ kind: "ulid", ...errorUtil.errToObj(message) });
  }
  base64(message) {
    return this._addCheck({ kind: "base64", ...errorUtil.errToObj(message) });
  }
  base64url(message) {
    return this._addCheck({
      kind: "base64url",
      ...errorUtil.errToObj(message)
    });
  }
  jwt(options) {
    return this._addCheck({ kind: "jwt", ...errorUtil.errToObj(options) });
  }
  ip(options) {
    return this._addCheck({ kind: "ip", ...errorUtil.errToObj(options) });
  }
  cidr(options) {
    return this._addCheck({ kind: "cidr", ...errorUtil.errToObj(options) });
  }
  datetime(options) {
    if (typeof options === "string") {
      return this._addCheck({
        kind: "datetime",
        precision: null,
        offset: false,
        local: false,
        message: options
      });
    }
    return this._addCheck({
      kind: "datetime",
      precision: typeof options?.precision === "undefined" ? null : options?.precision,
      offset: options?.offset ?? false,
      local: options?.local ?? false,
      ...errorUtil.errToObj(options?.message)
    });
  }
  date(message) {
    return this._addCheck({ kind: "date", message });
  }
  time(options) {
    if (typeof options === "string") {
      return this._addCheck({
        kind: "time",
        precision: null,
        message: options
      });
    }
    return this._addCheck({
      kind: "time",
      precision: typeof options?.precision === "undefined" ? null : options?.precision,
      ...errorUtil.errToObj(options?.message)
    });
  }
  duration(message) {
    return this._addCheck({ kind: "duration", ...errorUtil.errToObj(message) });
  }
  regex(regex, message) {
    return this._addCheck({
      kind: "regex",
      regex,
      ...errorUtil.errToObj(message)
    });
  }
  includes(value, options) {
    return this._addCheck({
      kind: "includes",
      value,
      position: options?.position,
      ...errorUtil.errToObj(options?.message)
    });
  }
  startsWith(value, message) {
    return this._addCheck({
      kind: "startsWith",
      value,
      ...errorUtil.errToObj(message)
    });
  }
  endsWith(value, message) {
    return this._addCheck({
      kind: "endsWith",
      value,
      ...errorUtil.errToObj(message)
    });
  }
  min(minLength, message) {
    return this._addCheck({
      kind: "min",
      value: minLength,
      ...errorUtil.errToObj(message)
    });
  }
  max(maxLength, message) {
    return this._addCheck({
      kind: "max",
      value: maxLength,
      ...errorUtil.errToObj(message)
    });
  }
  length(len, message) {
    return this._addCheck({
      kind: "length",
      value: len,
      ...errorUtil.errToObj(message)
    });
  }
  /**
   * Equivalent to `.min(1)`
   */
  nonempty(message) {
    return this.min(1, errorUtil.errToObj(message));
  }
  trim() {
    return new _ZodString({
      ...this._def,
      checks: [...this._def.checks, { kind: "trim" }]
    });
  }
  toLowerCase() {
    return new _ZodString({
      ...this._def,
      checks: [...this._def.checks, { kind: "toLowerCase" }]
    });
  }
  toUpperCase() {
    return new _ZodString({
      ...this._def,
      checks: [...this._def.checks, { kind: "toUpperCase" }]
    });
  }
  get isDatetime() {
    return !!this._def.checks.find((ch) => ch.kind === "datetime");
  }
  get isDate() {
    return !!this._def.checks.find((ch) => ch.kind === "date");
  }
  get isTime() {
    return !!this._def.checks.find((ch) => ch.kind === "time");
  }
  get isDuration() {
    return !!this._def.checks.find((ch) => ch.kind === "duration");
  }
  get isEmail() {
    return !!this._def.checks.find((ch) => ch.kind === "email");
  }
  get isURL() {
    return !!this._def.checks.find((ch) => ch.kind === "url");
  }
  get isEmoji() {
    return !!this._def.checks.find((ch) => ch.kind === "emoji");
  }
  get isUUID() {
    return !!this._def.checks.find((ch) => ch.kind === "uuid");
  }
  get isNANOID() {
    return !!this._def.checks.find((ch) => ch.kind === "nanoid");
  }
  get isCUID() {
    return !!this._def.checks.find((ch) => ch.kind === "cuid");
  }
  get isCUID2() {
    return !!this._def.checks.find((ch) => ch.kind === "cuid2");
  }
  get isULID() {
    return !!this._def.checks.find((ch) => ch.kind === "ulid");
  }
  get isIP() {
    return !!this._def.checks.find((ch) => ch.kind === "ip");
  }
  get isCIDR() {
    return !!this._def.checks.find((ch) => ch.kind === "cidr");
  }
  get isBase64() {
    return !!this._def.checks.find((ch) => ch.kind === "base64");
  }
  get isBase64url() {
    return !!this._def.checks.find((ch) => ch.kind === "base64url");
  }
  get minLength() {
    let min = null;
    for (const ch of this._def.checks) {
      if (ch.kind === "min") {
        if (min === null || ch.value > min)
          min = ch.value;
      }
    }
    return min;
  }
  get maxLength() {
    let max = null;
    for (const ch of this._def.checks) {
      if (ch.kind === "max") {
        if (max === null || ch.value < max)
          max = ch.value;
      }
    }
    return max;
  }
};
ZodString.create = (params) => {
  return new ZodString({
    checks: [],
    typeName: ZodFirstPartyTypeKind.ZodString,
    coerce: params?.coerce ?? false,
    ...processCreateParams(params)
  });
};
function floatSafeRemainder(val, step) {
  const valDecCount = (val.toString().split(".")[1] || "").length;
  const stepDecCount = (step.toString().split(".")[1] || "").length;
  const decCount = valDecCount > stepDecCount ? valDecCount : stepDecCount;
  const valInt = Number.parseInt(val.toFixed(decCount).replace(".", ""));
  const stepInt = Number.parseInt(step.toFixed(decCount).replace(".", ""));
  return valInt % stepInt / 10 ** decCount;
}
var ZodNumber = class _ZodNumber extends ZodType {
  constructor() {
    super(...arguments);
    this.min = this.gte;
    this.max = this.lte;
    this.step = this.multipleOf;
  }
  _parse(input) {
    if (this._def.coerce) {
      input.data = Number(input.data);
    }
    const parsedType = this._getType(input);
    if (parsedType !== ZodParsedType.number) {
      const ctx2 = this._getOrReturnCtx(input);
      addIssueToContext(ctx2, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.number,
        received: ctx2.parsedType
      });
      return INVALID;
    }
    let ctx = void 0;
    const status = new ParseStatus();
    for (const check of this._def.checks) {
      if (check.kind === "int") {
        if (!util.isInteger(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.invalid_type,
            expected: "integer",
            received: "float",
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "min") {
        const tooSmall = check.inclusive ? input.data < check.value : input.data <= check.value;
        if (tooSmall) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.too_small,
            minimum: check.value,
            type: "number",
            inclusive: check.inclusive,
            exact: false,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "max") {
        const tooBig = check.inclusive ? input.data > check.value : input.data >= check.value;
        if (tooBig) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.too_big,
            maximum: check.value,
            type: "number",
            inclusive: check.inclusive,
            exact: false,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "multipleOf") {
        if (floatSafeRemainder(input.data, check.value) !== 0) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.not_multiple_of,
            multipleOf: check.value,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "finite") {
        if (!Number.isFinite(input.data)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.not_finite,
            message: check.message
          });
          status.dirty();
        }
      } else {
        util.assertNever(check);
      }
    }
    return { status: status.value, value: input.data };
  }
  gte(value, message) {
    return this.setLimit("min", value, true, errorUtil.toString(message));
  }
  gt(value, message) {
    return this.setLimit("min", value, false, errorUtil.toString(message));
  }
  lte(value, message) {
    return this.setLimit("max", value, true, errorUtil.toString(message));
  }
  lt(value, message) {
    return this.setLimit("max", value, false, errorUtil.toString(message));
  }
  setLimit(kind, value, inclusive, message) {
    return new _ZodNumber({
      ...this._def,
      checks: [
        ...this._def.checks,
        {
          kind,
          value,
          inclusive,
          message: errorUtil.toString(message)
        }
      ]
    });
  }
  _addCheck(check) {
    return new _ZodNumber({
      ...this._def,
      checks: [...this._def.checks, check]
    });
  }
  int(message) {
    return this._addCheck({
      kind: "int",
      message: errorUtil.toString(message)
    });
  }
  positive(message) {
    return this._addCheck({
      kind: "min",
      value: 0,
      inclusive: false,
      message: errorUtil.toString(message)
    });
  }
  negative(message) {
    return this._addCheck({
      kind: "max",
      value: 0,
      inclusive: false,
      message: errorUtil.toString(message)
    });
  }
  nonpositive(message) {
    return this._addCheck({
      kind: "max",
      value: 0,
      inclusive: true,
      message: errorUtil.toString(message)
    });
  }
  nonnegative(message) {
    return this._addCheck({
      kind: "min",
      value: 0,
      inclusive: true,
      message: errorUtil.toString(message)
    });
  }
  multipleOf(value, message) {
    return this._addCheck({
      kind: "multipleOf",
      value,
      message: errorUtil.toString(message)
    });
  }
  finite(message) {
    return this._addCheck({
      kind: "finite",
      message: errorUtil.toString(message)
    });
  }
  safe(message) {
    return this._addCheck({
      kind: "min",
      inclusive: true,
      value: Number.MIN_SAFE_INTEGER,
      message: errorUtil.toString(message)
    })._addCheck({
      kind: "max",
      inclusive: true,
      value: Number.MAX_SAFE_INTEGER,
      message: errorUtil.toString(message)
    });
  }
  get minValue() {
    let min = null;
    for (const ch of this._def.checks) {
      if (ch.kind === "min") {
        if (min === null || ch.value > min)
          min = ch.value;
      }
    }
    return min;
  }
  get maxValue() {
    let max = null;
    for (const ch of this._def.checks) {
      if (ch.kind === "max") {
        if (max === null || ch.value < max)
          max = ch.value;
      }
    }
    return max;
  }
  get isInt() {
    return !!this._def.checks.find((ch) => ch.kind === "int" || ch.kind === "multipleOf" && util.isInteger(ch.value));
  }
  get isFinite() {
    let max = null;
    let min = null;
    for (const ch of this._def.checks) {
      if (ch.kind === "finite" || ch.kind === "int" || ch.kind === "multipleOf") {
        return true;
      } else if (ch.kind === "min") {
        if (min === null || ch.value > min)
          min = ch.value;
      } else if (ch.kind === "max") {
        if (max === null || ch.value < max)
          max = ch.value;
      }
    }
    return Number.isFinite(min) && Number.isFinite(max);
  }
};
ZodNumber.create = (params) => {
  return new ZodNumber({
    checks: [],
    typeName: ZodFirstPartyTypeKind.ZodNumber,
    coerce: params?.coerce || false,
    ...processCreateParams(params)
  });
};
var ZodBigInt = class _ZodBigInt extends ZodType {
  constructor() {
    super(...arguments);
    this.min = this.gte;
    this.max = this.lte;
  }
  _parse(input) {
    if (this._def.coerce) {
      try {
        input.data = BigInt(input.data);
      } catch {
        return this._getInvalidInput(input);
      }
    }
    const parsedType = this._getType(input);
    if (parsedType !== ZodParsedType.bigint) {
      return this._getInvalidInput(input);
    }
    let ctx = void 0;
    const status = new ParseStatus();
    for (const check of this._def.checks) {
      if (check.kind === "min") {
        const tooSmall = check.inclusive ? input.data < check.value : input.data <= check.value;
        if (tooSmall) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.too_small,
            type: "bigint",
            minimum: check.value,
            inclusive: check.inclusive,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "max") {
        const tooBig = check.inclusive ? input.data > check.value : input.data >= check.value;
        if (tooBig) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.too_big,
            type: "bigint",
            maximum: check.value,
            inclusive: check.inclusive,
            message: check.message
          });
          status.dirty();
        }
      } else if (check.kind === "multipleOf") {
        if (input.data % check.value !== BigInt(0)) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.not_multiple_of,
            multipleOf: check.value,
            message: check.message
          });
          status.dirty();
        }
      } else {
        util.assertNever(check);
      }
    }
    return { status: status.value, value: input.data };
  }
  _getInvalidInput(input) {
    const ctx = this._getOrReturnCtx(input);
    addIssueToContext(ctx, {
      code: ZodIssueCode.invalid_type,
      expected: ZodParsedType.bigint,
      received: ctx.parsedType
    });
    return INVALID;
  }
  gte(value, message) {
    return this.setLimit("min", value, true, errorUtil.toString(message));
  }
  gt(value, message) {
    return this.setLimit("min", value, false, errorUtil.toString(message));
  }
  lte(value, message) {
    return this.setLimit("max", value, true, errorUtil.toString(message));
  }
  lt(value, message) {
    return this.setLimit("max", value, false, errorUtil.toString(message));
  }
  setLimit(kind, value, inclusive, message) {
    return new _ZodBigInt({
      ...this._def,
      checks: [
        ...this._def.checks,
        {
          kind,
          value,
          inclusive,
          message: errorUtil.toString(message)
        }
      ]
    });
  }
  _addCheck(check) {
    return new _ZodBigInt({
      ...this._def,
      checks: [...this._def.checks, check]
    });
  }
  positive(message) {
    return this._addCheck({
      kind: "min",
      value: BigInt(0),
      inclusive: false,
      message: errorUtil.toString(message)
    });
  }
  negative(message) {
    return this._addCheck({
      kind: "max",
      value: BigInt(0),
      inclusive: false,
      message: errorUtil.toString(message)
    });
  }
  nonpositive(message) {
    return this._addCheck({
      kind: "max",
      value: BigInt(0),
      inclusive: true,
      message: errorUtil.toString(message)
    });
  }
  nonnegative(message) {
    return this._addCheck({
      kind: "min",
      value: BigInt(0),
      inclusive: true,
      message: errorUtil.toString(message)
    });
  }
  multipleOf(value, message) {
    return this._addCheck({
      kind: "multipleOf",
      value,
      message: errorUtil.toString(message)
    });
  }
  get minValue() {
    let min = null;
    for (const ch of this._def.checks) {
      if (ch.kind === "min") {
        if (min === null || ch.value > min)
          min = ch.value;
      }
    }
    return min;
  }
  get maxValue() {
    let max = null;
    for (const ch of this._def.checks) {
      if (ch.kind === "max") {
        if (max === null || ch.value < max)
          max = ch.value;
      }
    }
    return max;
  }
};
ZodBigInt.create = (params) => {
  return new ZodBigInt({
    checks: [],
    typeName: ZodFirstPartyTypeKind.ZodBigInt,
    coerce: params?.coerce ?? false,
    ...processCreateParams(params)
  });
};
var ZodBoolean = class extends ZodType {
  _parse(input) {
    if (this._def.coerce) {
      input.data = Boolean(input.data);
    }
    const parsedType = this._getType(input);
    if (parsedType !== ZodParsedType.boolean) {
      const ctx = this._getOrReturnCtx(input);
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.boolean,
        received: ctx.parsedType
      });
      return INVALID;
    }
    return OK(input.data);
  }
};
ZodBoolean.create = (params) => {
  return new ZodBoolean({
    typeName: ZodFirstPartyTypeKind.ZodBoolean,
    coerce: params?.coerce || false,
    ...processCreateParams(params)
  });
};
var ZodDate = class _ZodDate extends ZodType {
  _parse(input) {
    if (this._def.coerce) {
      input.data = new Date(input.data);
    }
    const parsedType = this._getType(input);
    if (parsedType !== ZodParsedType.date) {
      const ctx2 = this._getOrReturnCtx(input);
      addIssueToContext(ctx2, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.date,
        received: ctx2.parsedType
      });
      return INVALID;
    }
    if (Number.isNaN(input.data.getTime())) {
      const ctx2 = this._getOrReturnCtx(input);
      addIssueToContext(ctx2, {
        code: ZodIssueCode.invalid_date
      });
      return INVALID;
    }
    const status = new ParseStatus();
    let ctx = void 0;
    for (const check of this._def.checks) {
      if (check.kind === "min") {
        if (input.data.getTime() < check.value) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.too_small,
            message: check.message,
            inclusive: true,
            exact: false,
            minimum: check.value,
            type: "date"
          });
          status.dirty();
        }
      } else if (check.kind === "max") {
        if (input.data.getTime() > check.value) {
          ctx = this._getOrReturnCtx(input, ctx);
          addIssueToContext(ctx, {
            code: ZodIssueCode.too_big,
            message: check.message,
            inclusive: true,
            exact: false,
            maximum: check.value,
            type: "date"
          });
          status.dirty();
        }
      } else {
        util.assertNever(check);
      }
    }
    return {
      status: status.value,
      value: new Date(input.data.getTime())
    };
  }
  _addCheck(check) {
    return new _ZodDate({
      ...this._def,
      checks: [...this._def.checks, check]
    });
  }
  min(minDate, message) {
    return this._addCheck({
      kind: "min",
      value: minDate.getTime(),
      message: errorUtil.toString(message)
    });
  }
  max(maxDate, message) {
    return this._addCheck({
      kind: "max",
      value: maxDate.getTime(),
      message: errorUtil.toString(message)
    });
  }
  get minDate() {
    let min = null;
    for (const ch of this._def.checks) {
      if (ch.kind === "min") {
        if (min === null || ch.value > min)
          min = ch.value;
      }
    }
    return min != null ? new Date(min) : null;
  }
  get maxDate() {
    let max = null;
    for (const ch of this._def.checks) {
      if (ch.kind === "max") {
        if (max === null || ch.value < max)
          max = ch.value;
      }
    }
    return max != null ? new Date(max) : null;
  }
};
ZodDate.create = (params) => {
  return new ZodDate({
    checks: [],
    coerce: params?.coerce || false,
    typeName: ZodFirstPartyTypeKind.ZodDate,
    ...processCreateParams(params)
  });
};
var ZodSymbol = class extends ZodType {
  _parse(input) {
    const parsedType = this._getType(input);
    if (parsedType !== ZodParsedType.symbol) {
      const ctx = this._getOrReturnCtx(input);
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.symbol,
        received: ctx.parsedType
      });
      return INVALID;
    }
    return OK(input.data);
  }
};
ZodSymbol.create = (params) => {
  return new ZodSymbol({
    typeName: ZodFirstPartyTypeKind.ZodSymbol,
    ...processCreateParams(params)
  });
};
var ZodUndefined = class extends ZodType {
  _parse(input) {
    const parsedType = this._getType(input);
    if (parsedType !== ZodParsedType.undefined) {
      const ctx = this._getOrReturnCtx(input);
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.undefined,
        received: ctx.parsedType
      });
      return INVALID;
    }
    return OK(input.data);
  }
};
ZodUndefined.create = (params) => {
  return new ZodUndefined({
    typeName: ZodFirstPartyTypeKind.ZodUndefined,
    ...processCreateParams(params)
  });
};
var ZodNull = class extends ZodType {
  _parse(input) {
    const parsedType = this._getType(input);
    if (parsedType !== ZodParsedType.null) {
      const ctx = this._getOrReturnCtx(input);
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.null,
        received: ctx.parsedType
      });
      return INVALID;
    }
    return OK(input.data);
  }
};
ZodNull.create = (params) => {
  return new ZodNull({
    typeName: ZodFirstPartyTypeKind.ZodNull,
    ...processCreateParams(params)
  });
};
var ZodAny = class extends ZodType {
  constructor() {
    super(...arguments);
    this._any = true;
  }
  _parse(input) {
    return OK(input.data);
  }
};
ZodAny.create = (params) => {
  return new ZodAny({
    typeName: ZodFirstPartyTypeKind.ZodAny,
    ...processCreateParams(params)
  });
};
var ZodUnknown = class extends ZodType {
  constructor() {
    super(...arguments);
    this._unknown = true;
  }
  _parse(input) {
    return OK(input.data);
  }
};
ZodUnknown.create = (params) => {
  return new ZodUnknown({
    typeName: ZodFirstPartyTypeKind.ZodUnknown,
    ...processCreateParams(params)
  });
};
var ZodNever = class extends ZodType {
  _parse(input) {
    const ctx = this._getOrReturnCtx(input);
    addIssueToContext(ctx, {
      code: ZodIssueCode.invalid_type,
      expected: ZodParsedType.never,
      received: ctx.parsedType
    });
    return INVALID;
  }
};
ZodNever.create = (params) => {
  return new ZodNever({
    typeName: ZodFirstPartyTypeKind.ZodNever,
    ...processCreateParams(params)
  });
};
var ZodVoid = class extends ZodType {
  _parse(input) {
    const parsedType = this._getType(input);
    if (parsedType !== ZodParsedType.undefined) {
      const ctx = this._getOrReturnCtx(input);
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.void,
        received: ctx.parsedType
      });
      return INVALID;
    }
    return OK(input.data);
  }
};
ZodVoid.create = (params) => {
  return new ZodVoid({
    typeName: ZodFirstPartyTypeKind.ZodVoid,
    ...processCreateParams(params)
  });
};
var ZodArray = class _ZodArray extends ZodType {
  _parse(input) {
    const { ctx, status } = this._processInputParams(input);
    const def = this._def;
    if (ctx.parsedType !== ZodParsedType.array) {
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.array,
        received: ctx.parsedType
      });
      return INVALID;
    }
    if (def.exactLength !== null) {
      const tooBig = ctx.data.length > def.exactLength.value;
      const tooSmall = ctx.data.length < def.exactLength.value;
      if (tooBig || tooSmall) {
        addIssueToContext(ctx, {
          code: tooBig ? ZodIssueCode.too_big : ZodIssueCode.too_small,
          minimum: tooSmall ? def.exactLength.value : void 0,
          maximum: tooBig ? def.exactLength.value : void 0,
          type: "array",
          inclusive: true,
          exact: true,
          message: def.exactLength.message
        });
        status.dirty();
      }
    }
    if (def.minLength !== null) {
      if (ctx.data.length < def.minLength.value) {
        addIssueToContext(ctx, {
          code: ZodIssueCode.too_small,
          minimum: def.minLength.value,
          type: "array",
          inclusive: true,
          exact: false,
          message: def.minLength.message
        });
        status.dirty();
      }
    }
    if (def.maxLength !== null) {
      if (ctx.data.length > def.maxLength.value) {
        addIssueToContext(ctx, {
          code: ZodIssueCode.too_big,
          maximum: def.maxLength.value,
          type: "array",
          inclusive: true,
          exact: false,
          message: def.maxLength.message
        });
        status.dirty();
      }
    }
    if (ctx.common.async) {
      return Promise.all([...ctx.data].map((item, i) => {
        return def.type._parseAsync(new ParseInputLazyPath(ctx, item, ctx.path, i));
      })).then((result2) => {
        return ParseStatus.mergeArray(status, result2);
      });
    }
    const result = [...ctx.data].map((item, i) => {
      return def.type._parseSync(new ParseInputLazyPath(ctx, item, ctx.path, i));
    });
    return ParseStatus.mergeArray(status, result);
  }
  get element() {
    return this._def.type;
  }
  min(minLength, message) {
    return new _ZodArray({
      ...this._def,
      minLength: { value: minLength, message: errorUtil.toString(message) }
    });
  }
  max(maxLength, message) {
    return new _ZodArray({
      ...this._def,
      maxLength: { value: maxLength, message: errorUtil.toString(message) }
    });
  }
  length(len, message) {
    return new _ZodArray({
      ...this._def,
      exactLength: { value: len, message: errorUtil.toString(message) }
    });
  }
  nonempty(message) {
    return this.min(1, message);
  }
};
ZodArray.create = (schema, params) => {
  return new ZodArray({
    type: schema,
    minLength: null,
    maxLength: null,
    exactLength: null,
    typeName: ZodFirstPartyTypeKind.ZodArray,
    ...processCreateParams(params)
  });
};
function deepPartialify(schema) {
  if (schema instanceof ZodObject) {
    const newShape = {};
    for (const key in schema.shape) {
      const fieldSchema = schema.shape[key];
      newShape[key] = ZodOptional.create(deepPartialify(fieldSchema));
    }
    return new ZodObject({
      ...schema._def,
      shape: () => newShape
    });
  } else if (schema instanceof ZodArray) {
    return new ZodArray({
      ...schema._def,
      type: deepPartialify(schema.element)
    });
  } else if (schema instanceof ZodOptional) {
    return ZodOptional.create(deepPartialify(schema.unwrap()));
  } else if (schema instanceof ZodNullable) {
    return ZodNullable.create(deepPartialify(schema.unwrap()));
  } else if (schema instanceof ZodTuple) {
    return ZodTuple.create(schema.items.map((item) => deepPartialify(item)));
  } else {
    return schema;
  }
}
var ZodObject = class _ZodObject extends ZodType {
  constructor() {
    super(...arguments);
    this._cached = null;
    this.nonstrict = this.passthrough;
    this.augment = this.extend;
  }
  _getCached() {
    if (this._cached !== null)
      return this._cached;
    const shape = this._def.shape();
    const keys = util.objectKeys(shape);
    this._cached = { shape, keys };
    return this._cached;
  }
  _parse(input) {
    const parsedType = this._getType(input);
    if (parsedType !== ZodParsedType.object) {
      const ctx2 = this._getOrReturnCtx(input);
      addIssueToContext(ctx2, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.object,
        received: ctx2.parsedType
      });
      return INVALID;
    }
    const { status, ctx } = this._processInputParams(input);
    const { shape, keys: shapeKeys } = this._getCached();
    const extraKeys = [];
    if (!(this._def.catchall instanceof ZodNever && this._def.unknownKeys === "strip")) {
      for (const key in ctx.data) {
        if (!shapeKeys.includes(key)) {
          extraKeys.push(key);
        }
      }
    }
    const pairs = [];
    for (const key of shapeKeys) {
      const keyValidator = shape[key];
      const value = ctx.data[key];
      pairs.push({
        key: { status: "valid", value: key },
        value: keyValidator._parse(new ParseInputLazyPath(ctx, value, ctx.path, key)),
        alwaysSet: key in ctx.data
      });
    }
    if (this._def.catchall instanceof ZodNever) {
      const unknownKeys = this._def.unknownKeys;
      if (unknownKeys === "passthrough") {
        for (const key of extraKeys) {
          pairs.push({
            key: { status: "valid", value: key },
            value: { status: "valid", value: ctx.data[key] }
          });
        }
      } else if (unknownKeys === "strict") {
        if (extraKeys.length > 0) {
          addIssueToContext(ctx, {
            code: ZodIssueCode.unrecognized_keys,
            keys: extraKeys
          });
          status.dirty();
        }
      } else if (unknownKeys === "strip") {
      } else {
        throw new Error(`Internal ZodObject error: invalid unknownKeys value.`);
      }
    } else {
      const catchall = this._def.catchall;
      for (const key of extraKeys) {
        const value = ctx.data[key];
        pairs.push({
          key: { status: "valid", value: key },
          value: catchall._parse(
            new ParseInputLazyPath(ctx, value, ctx.path, key)
            //, ctx.child(key), value, getParsedType(value)
          ),
          alwaysSet: key in ctx.data
        });
      }
    }
    if (ctx.common.async) {
      return Promise.resolve().then(async () => {
        const syncPairs = [];
        for (const pair of pairs) {
          const key = await pair.key;
          const value = await pair.value;
          syncPairs.push({
            key,
            value,
            alwaysSet: pair.alwaysSet
          });
        }
        return syncPairs;
      }).then((syncPairs) => {
        return ParseStatus.mergeObjectSync(status, syncPairs);
      });
    } else {
      return ParseStatus.mergeObjectSync(status, pairs);
    }
  }
  get shape() {
    return this._def.shape();
  }
  strict(message) {
    errorUtil.errToObj;
    return new _ZodObject({
      ...this._def,
      unknownKeys: "strict",
      ...message !== void 0 ? {
        errorMap: (issue, ctx) => {
          const defaultError = this._def.errorMap?.(issue, ctx).message ?? ctx.defaultError;
          if (issue.code === "unrecognized_keys")
            return {
              message: errorUtil.errToObj(message).message ?? defaultError
            };
          return {
            message: defaultError
          };
        }
      } : {}
    });
  }
  strip() {
    return new _ZodObject({
      ...this._def,
      unknownKeys: "strip"
    });
  }
  passthrough() {
    return new _ZodObject({
      ...this._def,
      unknownKeys: "passthrough"
    });
  }
  // const AugmentFactory =
  //   <Def extends ZodObjectDef>(def: Def) =>
  //   <Augmentation extends ZodRawShape>(
  //     augmentation: Augmentation
  //   ): ZodObject<
  //     extendShape<ReturnType<Def["shape"]>, Augmentation>,
  //     Def["unknownKeys"],
  //     Def["catchall"]
  //   > => {
  //     return new ZodObject({
  //       ...def,
  //       shape: () => ({
  //         ...def.shape(),
  //         ...augmentation,
  //       }),
  //     }) as any;
  //   };
  extend(augmentation) {
    return new _ZodObject({
      ...this._def,
      shape: () => ({
        ...this._def.shape(),
        ...augmentation
      })
    });
  }
  /**
   * Prior to zod@1.0.12 there was a bug in the
   * inferred type of merged objects. Please
   * upgrade if you are experiencing issues.
   */
  merge(merging) {
    const merged = new _ZodObject({
      unknownKeys: merging._def.unknownKeys,
      catchall: merging._def.catchall,
      shape: () => ({
        ...this._def.shape(),
        ...merging._def.shape()
      }),
      typeName: ZodFirstPartyTypeKind.ZodObject
    });
    return merged;
  }
  // merge<
  //   Incoming extends AnyZodObject,
  //   Augmentation extends Incoming["shape"],
  //   NewOutput extends {
  //     [k in keyof Augmentation | keyof Output]: k extends keyof Augmentation
  //       ? Augmentation[k]["_output"]
  //       : k extends keyof Output
  //       ? Output[k]
  //       : never;
  //   },
  //   NewInput extends {
  //     [k in keyof Augmentation | keyof Input]: k extends keyof Augmentation
  //       ? Augmentation[k]["_input"]
  //       : k extends keyof Input
  //       ? Input[k]
  //       : never;
  //   }
  // >(
  //   merging: Incoming
  // ): ZodObject<
  //   extendShape<T, ReturnType<Incoming["_def"]["shape"]>>,
  //   Incoming["_def"]["unknownKeys"],
  //   Incoming["_def"]["catchall"],
  //   NewOutput,
  //   NewInput
  // > {
  //   const merged: any = new ZodObject({
  //     unknownKeys: merging._def.unknownKeys,
  //     catchall: merging._def.catchall,
  //     shape: () =>
  //       objectUtil.mergeShapes(this._def.shape(), merging._def.shape()),
  //     typeName: ZodFirstPartyTypeKind.ZodObject,
  //   }) as any;
  //   return merged;
  // }
  setKey(key, schema) {
    return this.augment({ [key]: schema });
  }
  // merge<Incoming extends AnyZodObject>(
  //   merging: Incoming
  // ): //ZodObject<T & Incoming["_shape"], UnknownKeys, Catchall> = (merging) => {
  // ZodObject<
  //   extendShape<T, ReturnType<Incoming["_def"]["shape"]>>,
  //   Incoming["_def"]["unknownKeys"],
  //   Incoming["_def"]["catchall"]
  // > {
  //   // const mergedShape = objectUtil.mergeShapes(
  //   //   this._def.shape(),
  //   //   merging._def.shape()
  //   // );
  //   const merged: any = new ZodObject({
  //     unknownKeys: merging._def.unknownKeys,
  //     catchall: merging._def.catchall,
  //     shape: () =>
  //       objectUtil.mergeShapes(this._def.shape(), merging._def.shape()),
  //     typeName: ZodFirstPartyTypeKind.ZodObject,
  //   }) as any;
  //   return merged;
  // }
  catchall(index) {
    return new _ZodObject({
      ...this._def,
      catchall: index
    });
  }
  pick(mask) {
    const shape = {};
    for (const key of util.objectKeys(mask)) {
      if (mask[key] && this.shape[key]) {
        shape[key] = this.shape[key];
      }
    }
    return new _ZodObject({
      ...this._def,
      shape: () => shape
    });
  }
  omit(mask) {
    const shape = {};
    for (const key of util.objectKeys(this.shape)) {
      if (!mask[key]) {
        shape[key] = this.shape[key];
      }
    }
    return new _ZodObject({
      ...this._def,
      shape: () => shape
    });
  }
  /**
   * @deprecated
   */
  deepPartial() {
    return deepPartialify(this);
  }
  partial(mask) {
    const newShape = {};
    for (const key of util.objectKeys(this.shape)) {
      const fieldSchema = this.shape[key];
      if (mask && !mask[key]) {
        newShape[key] = fieldSchema;
      } else {
        newShape[key] = fieldSchema.optional();
      }
    }
    return new _ZodObject({
      ...this._def,
      shape: () => newShape
    });
  }
  required(mask) {
    const newShape = {};
    for (const key of util.objectKeys(this.shape)) {
      if (mask && !mask[key]) {
        newShape[key] = this.shape[key];
      } else {
        const fieldSchema = this.shape[key];
        let newField = fieldSchema;
        while (newField instanceof ZodOptional) {
          newField = newField._def.innerType;
        }
        newShape[key] = newField;
      }
    }
    return new _ZodObject({
      ...this._def,
      shape: () => newShape
    });
  }
  keyof() {
    return createZodEnum(util.objectKeys(this.shape));
  }
};
ZodObject.create = (shape, params) => {
  return new ZodObject({
    shape: () => shape,
    unknownKeys: "strip",
    catchall: ZodNever.create(),
    typeName: ZodFirstPartyTypeKind.ZodObject,
    ...processCreateParams(params)
  });
};
ZodObject.strictCreate = (shape, params) => {
  return new ZodObject({
    shape: () => shape,
    unknownKeys: "strict",
    catchall: ZodNever.create(),
    typeName: ZodFirstPartyTypeKind.ZodObject,
    ...processCreateParams(params)
  });
};
ZodObject.lazycreate = (shape, params) => {
  return new ZodObject({
    shape,
    unknownKeys: "strip",
    catchall: ZodNever.create(),
    typeName: ZodFirstPartyTypeKind.ZodObject,
    ...processCreateParams(params)
  });
};
var ZodUnion = class extends ZodType {
  _parse(input) {
    const { ctx } = this._processInputParams(input);
    const options = this._def.options;
    function handleResults(results) {
      for (const result of results) {
        if (result.result.status === "valid") {
          return result.result;
        }
      }
      for (const result of results) {
        if (result.result.status === "dirty") {
          ctx.common.issues.push(...result.ctx.common.issues);
          return result.result;
        }
      }
      const unionErrors = results.map((result) => new ZodError(result.ctx.common.issues));
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_union,
        unionErrors
      });
      return INVALID;
    }
    if (ctx.common.async) {
      return Promise.all(options.map(async (option) => {
        const childCtx = {
          ...ctx,
          common: {
            ...ctx.common,
            issues: []
          },
          parent: null
        };
        return {
          result: await option._parseAsync({
            data: ctx.data,
            path: ctx.path,
            parent: childCtx
          }),
          ctx: childCtx
        };
      })).then(handleResults);
    } else {
      let dirty = void 0;
      const issues = [];
      for (const option of options) {
        const childCtx = {
          ...ctx,
          common: {
            ...ctx.common,
            issues: []
          },
          parent: null
        };
        const result = option._parseSync({
          data: ctx.data,
          path: ctx.path,
          parent: childCtx
        });
        if (result.status === "valid") {
          return result;
        } else if (result.status === "dirty" && !dirty) {
          dirty = { result, ctx: childCtx };
        }
        if (childCtx.common.issues.length) {
          issues.push(childCtx.common.issues);
        }
      }
      if (dirty) {
        ctx.common.issues.push(...dirty.ctx.common.issues);
        return dirty.result;
      }
      const unionErrors = issues.map((issues2) => new ZodError(issues2));
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_union,
        unionErrors
      });
      return INVALID;
    }
  }
  get options() {
    return this._def.options;
  }
};
ZodUnion.create = (types, params) => {
  return new ZodUnion({
    options: types,
    typeName: ZodFirstPartyTypeKind.ZodUnion,
    ...processCreateParams(params)
  });
};
var getDiscriminator = (type) => {
  if (type instanceof ZodLazy) {
    return getDiscriminator(type.schema);
  } else if (type instanceof ZodEffects) {
    return getDiscriminator(type.innerType());
  } else if (type instanceof ZodLiteral) {
    return [type.value];
  } else if (type instanceof ZodEnum) {
    return type.options;
  } else if (type instanceof ZodNativeEnum) {
    return util.objectValues(type.enum);
  } else if (type instanceof ZodDefault) {
    return getDiscriminator(type._def.innerType);
  } else if (type instanceof ZodUndefined) {
    return [void 0];
  } else if (type instanceof ZodNull) {
    return [null];
  } else if (type instanceof ZodOptional) {
    return [void 0, ...getDiscriminator(type.unwrap())];
  } else if (type instanceof ZodNullable) {
    return [null, ...getDiscriminator(type.unwrap())];
  } else if (type instanceof ZodBranded) {
    return getDiscriminator(type.unwrap());
  } else if (type instanceof ZodReadonly) {
    return getDiscriminator(type.unwrap());
  } else if (type instanceof ZodCatch) {
    return getDiscriminator(type._def.innerType);
  } else {
    return [];
  }
};
var ZodDiscriminatedUnion = class _ZodDiscriminatedUnion extends ZodType {
  _parse(input) {
    const { ctx } = this._processInputParams(input);
    if (ctx.parsedType !== ZodParsedType.object) {
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.object,
        received: ctx.parsedType
      });
      return INVALID;
    }
    const discriminator = this.discriminator;
    const discriminatorValue = ctx.data[discriminator];
    const option = this.optionsMap.get(discriminatorValue);
    if (!option) {
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_union_discriminator,
        options: Array.from(this.optionsMap.keys()),
        path: [discriminator]
      });
      return INVALID;
    }
    if (ctx.common.async) {
      return option._parseAsync({
        data: ctx.data,
        path: ctx.path,
        parent: ctx
      });
    } else {
      return option._parseSync({
        data: ctx.data,
        path: ctx.path,
        parent: ctx
      });
    }
  }
  get discriminator() {
    return this._def.discriminator;
  }
  get options() {
    return this._def.options;
  }
  get optionsMap() {
    return this._def.optionsMap;
  }
  /**
   * The constructor of the discriminated union schema. Its behaviour is very similar to that of the normal z.union() constructor.
   * However, it only allows a union of objects, all of which need to share a discriminator property. This property must
   * have a different value for each object in the union.
   * @param discriminator the name of the discriminator property
   * @param types an array of object schemas
   * @param params
   */
  static create(discriminator, options, params) {
    const optionsMap = /* @__PURE__ */ new Map();
    for (const type of options) {
      const discriminatorValues = getDiscriminator(type.shape[discriminator]);
      if (!discriminatorValues.length) {
        throw new Error(`A discriminator value for key \`${discriminator}\` could not be extracted from all schema options`);
      }
      for (const value of discriminatorValues) {
        if (optionsMap.has(value)) {
          throw new Error(`Discriminator property ${String(discriminator)} has duplicate value ${String(value)}`);
        }
        optionsMap.set(value, type);
      }
    }
    return new _ZodDiscriminatedUnion({
      typeName: ZodFirstPartyTypeKind.ZodDiscriminatedUnion,
      discriminator,
      options,
      optionsMap,
      ...processCreateParams(params)
    });
  }
};
function mergeValues(a, b) {
  const aType = getParsedType(a);
  const bType = getParsedType(b);
  if (a === b) {
    return { valid: true, data: a };
  } else if (aType === ZodParsedType.object && bType === ZodParsedType.object) {
    const bKeys = util.objectKeys(b);
    const sharedKeys = util.objectKeys(a).filter((key) => bKeys.indexOf(key) !== -1);
    const newObj = { ...a, ...b };
    for (const key of sharedKeys) {
      const sharedValue = mergeValues(a[key], b[key]);
      if (!sharedValue.valid) {
        return { valid: false };
      }
      newObj[key] = sharedValue.data;
    }
    return { valid: true, data: newObj };
  } else if (aType === ZodParsedType.array && bType === ZodParsedType.array) {
    if (a.length !== b.length) {
      return { valid: false };
    }
    const newArray = [];
    for (let index = 0; index < a.length; index++) {
      const itemA = a[index];
      const itemB = b[index];
      const sharedValue = mergeValues(itemA, itemB);
      if (!sharedValue.valid) {
        return { valid: false };
      }
      newArray.push(sharedValue.data);
    }
    return { valid: true, data: newArray };
  } else if (aType === ZodParsedType.date && bType === ZodParsedType.date && +a === +b) {
    return { valid: true, data: a };
  } else {
    return { valid: false };
  }
}
var ZodIntersection = class extends ZodType {
  _parse(input) {
    const { status, ctx } = this._processInputParams(input);
    const handleParsed = (parsedLeft, parsedRight) => {
      if (isAborted(parsedLeft) || isAborted(parsedRight)) {
        return INVALID;
      }
      const merged = mergeValues(parsedLeft.value, parsedRight.value);
      if (!merged.valid) {
        addIssueToContext(ctx, {
          code: ZodIssueCode.invalid_intersection_types
        });
        return INVALID;
      }
      if (isDirty(parsedLeft) || isDirty(parsedRight)) {
        status.dirty();
      }
      return { status: status.value, value: merged.data };
    };
    if (ctx.common.async) {
      return Promise.all([
        this._def.left._parseAsync({
          data: ctx.data,
          path: ctx.path,
          parent: ctx
        }),
        this._def.right._parseAsync({
          data: ctx.data,
          path: ctx.path,
          parent: ctx
        })
      ]).then(([left, right]) => handleParsed(left, right));
    } else {
      return handleParsed(this._def.left._parseSync({
        data: ctx.data,
        path: ctx.path,
        parent: ctx
      }), this._def.right._parseSync({
        data: ctx.data,
        path: ctx.path,
        parent: ctx
      }));
    }
  }
};
ZodIntersection.create = (left, right, params) => {
  return new ZodIntersection({
    left,
    right,
    typeName: ZodFirstPartyTypeKind.ZodIntersection,
    ...processCreateParams(params)
  });
};
var ZodTuple = class _ZodTuple extends ZodType {
  _parse(input) {
    const { status, ctx } = this._processInputParams(input);
    if (ctx.parsedType !== ZodParsedType.array) {
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.array,
        received: ctx.parsedType
      });
      return INVALID;
    }
    if (ctx.data.length < this._def.items.length) {
      addIssueToContext(ctx, {
        code: ZodIssueCode.too_small,
        minimum: this._def.items.length,
        inclusive: true,
        exact: false,
        type: "array"
      });
      return INVALID;
    }
    const rest = this._def.rest;
    if (!rest && ctx.data.length > this._def.items.length) {
      addIssueToContext(ctx, {
        code: ZodIssueCode.too_big,
        maximum: this._def.items.length,
        inclusive: true,
        exact: false,
        type: "array"
      });
      status.dirty();
    }
    const items = [...ctx.data].map((item, itemIndex) => {
      const schema = this._def.items[itemIndex] || this._def.rest;
      if (!schema)
        return null;
      return schema._parse(new ParseInputLazyPath(ctx, item, ctx.path, itemIndex));
    }).filter((x) => !!x);
    if (ctx.common.async) {
      return Promise.all(items).then((results) => {
        return ParseStatus.mergeArray(status, results);
      });
    } else {
      return ParseStatus.mergeArray(status, items);
    }
  }
  get items() {
    return this._def.items;
  }
  rest(rest) {
    return new _ZodTuple({
      ...this._def,
      rest
    });
  }
};
ZodTuple.create = (schemas, params) => {
  if (!Array.isArray(schemas)) {
    throw new Error("You must pass an array of schemas to z.tuple([ ... ])");
  }
  return new ZodTuple({
    items: schemas,
    typeName: ZodFirstPartyTypeKind.ZodTuple,
    rest: null,
    ...processCreateParams(params)
  });
};
var ZodRecord = class _ZodRecord extends ZodType {
  get keySchema() {
    return this._def.keyType;
  }
  get valueSchema() {
    return this._def.valueType;
  }
  _parse(input) {
    const { status, ctx } = this._processInputParams(input);
    if (ctx.parsedType !== ZodParsedType.object) {
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.object,
        received: ctx.parsedType
      });
      return INVALID;
    }
    const pairs = [];
    const keyType = this._def.keyType;
    const valueType = this._def.valueType;
    for (const key in ctx.data) {
      pairs.push({
        key: keyType._parse(new ParseInputLazyPath(ctx, key, ctx.path, key)),
        value: valueType._parse(new ParseInputLazyPath(ctx, ctx.data[key], ctx.path, key)),
        alwaysSet: key in ctx.data
      });
    }
    if (ctx.common.async) {
      return ParseStatus.mergeObjectAsync(status, pairs);
    } else {
      return ParseStatus.mergeObjectSync(status, pairs);
    }
  }
  get element() {
    return this._def.valueType;
  }
  static create(first, second, third) {
    if (second instanceof ZodType) {
      return new _ZodRecord({
        keyType: first,
        valueType: second,
        typeName: ZodFirstPartyTypeKind.ZodRecord,
        ...processCreateParams(third)
      });
    }
    return new _ZodRecord({
      keyType: ZodString.create(),
      valueType: first,
      typeName: ZodFirstPartyTypeKind.ZodRecord,
      ...processCreateParams(second)
    });
  }
};
var ZodMap = class extends ZodType {
  get keySchema() {
    return this._def.keyType;
  }
  get valueSchema() {
    return this._def.valueType;
  }
  _parse(input) {
    const { status, ctx } = this._processInputParams(input);
    if (ctx.parsedType !== ZodParsedType.map) {
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.map,
        received: ctx.parsedType
      });
      return INVALID;
    }
    const keyType = this._def.keyType;
    const valueType = this._def.valueType;
    const pairs = [...ctx.data.entries()].map(([key, value], index) => {
      return {
        key: keyType._parse(new ParseInputLazyPath(ctx, key, ctx.path, [index, "key"])),
        value: valueType._parse(new ParseInputLazyPath(ctx, value, ctx.path, [index, "value"]))
      };
    });
    if (ctx.common.async) {
      const finalMap = /* @__PURE__ */ new Map();
      return Promise.resolve().then(async () => {
        for (const pair of pairs) {
          const key = await pair.key;
          const value = await pair.value;
          if (key.status === "aborted" || value.status === "aborted") {
            return INVALID;
          }
          if (key.status === "dirty" || value.status === "dirty") {
            status.dirty();
          }
          finalMap.set(key.value, value.value);
        }
        return { status: status.value, value: finalMap };
      });
    } else {
      const finalMap = /* @__PURE__ */ new Map();
      for (const pair of pairs) {
        const key = pair.key;
        const value = pair.value;
        if (key.status === "aborted" || value.status === "aborted") {
          return INVALID;
        }
        if (key.status === "dirty" || value.status === "dirty") {
          status.dirty();
        }
        finalMap.set(key.value, value.value);
      }
      return { status: status.value, value: finalMap };
    }
  }
};
ZodMap.create = (keyType, valueType, params) => {
  return new ZodMap({
    valueType,
    keyType,
    typeName: ZodFirstPartyTypeKind.ZodMap,
    ...processCreateParams(params)
  });
};
var ZodSet = class _ZodSet extends ZodType {
  _parse(input) {
    const { status, ctx } = this._processInputParams(input);
    if (ctx.parsedType !== ZodParsedType.set) {
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.set,
        received: ctx.parsedType
      });
      return INVALID;
    }
    const def = this._def;
    if (def.minSize !== null) {
      if (ctx.data.size < def.minSize.value) {
        addIssueToContext(ctx, {
          code: ZodIssueCode.too_small,
          minimum: def.minSize.value,
          type: "set",
          inclusive: true,
          exact: false,
          message: def.minSize.message
        });
        status.dirty();
      }
    }
    if (def.maxSize !== null) {
      if (ctx.data.size > def.maxSize.value) {
        addIssueToContext(ctx, {
          code: ZodIssueCode.too_big,
          maximum: def.maxSize.value,
          type: "set",
          inclusive: true,
          exact: false,
          message: def.maxSize.message
        });
        status.dirty();
      }
    }
    const valueType = this._def.valueType;
    function finalizeSet(elements2) {
      const parsedSet = /* @__PURE__ */ new Set();
      for (const element of elements2) {
        if (element.status === "aborted")
          return INVALID;
        if (element.status === "dirty")
          status.dirty();
        parsedSet.add(element.value);
      }
      return { status: status.value, value: parsedSet };
    }
    const elements = [...ctx.data.values()].map((item, i) => valueType._parse(new ParseInputLazyPath(ctx, item, ctx.path, i)));
    if (ctx.common.async) {
      return Promise.all(elements).then((elements2) => finalizeSet(elements2));
    } else {
      return finalizeSet(elements);
    }
  }
  min(minSize, message) {
    return new _ZodSet({
      ...this._def,
      minSize: { value: minSize, message: errorUtil.toString(message) }
    });
  }
  max(maxSize, message) {
    return new _ZodSet({
      ...this._def,
      maxSize: { value: maxSize, message: errorUtil.toString(message) }
    });
  }
  size(size, message) {
    return this.min(size, message).max(size, message);
  }
  nonempty(message) {
    return this.min(1, message);
  }
};
ZodSet.create = (valueType, params) => {
  return new ZodSet({
    valueType,
    minSize: null,
    maxSize: null,
    typeName: ZodFirstPartyTypeKind.ZodSet,
    ...processCreateParams(params)
  });
};
var ZodFunction = class _ZodFunction extends ZodType {
  constructor() {
    super(...arguments);
    this.validate = this.implement;
  }
  _parse(input) {
    const { ctx } = this._processInputParams(input);
    if (ctx.parsedType !== ZodParsedType.function) {
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.function,
        received: ctx.parsedType
      });
      return INVALID;
    }
    function makeArgsIssue(args, error) {
      return makeIssue({
        data: args,
        path: ctx.path,
        errorMaps: [ctx.common.contextualErrorMap, ctx.schemaErrorMap, getErrorMap(), en_default].filter((x) => !!x),
        issueData: {
          code: ZodIssueCode.invalid_arguments,
          argumentsError: error
        }
      });
    }
    function makeReturnsIssue(returns, error) {
      return makeIssue({
        data: returns,
        path: ctx.path,
        errorMaps: [ctx.common.contextualErrorMap, ctx.schemaErrorMap, getErrorMap(), en_default].filter((x) => !!x),
        issueData: {
          code: ZodIssueCode.invalid_return_type,
          returnTypeError: error
        }
      });
    }
    const params = { errorMap: ctx.common.contextualErrorMap };
    const fn = ctx.data;
    if (this._def.returns instanceof ZodPromise) {
      const me = this;
      return OK(async function(...args) {
        const error = new ZodError([]);
        const parsedArgs = await me._def.args.parseAsync(args, params).catch((e) => {
          error.addIssue(makeArgsIssue(args, e));
          throw error;
        });
        const result = await Reflect.apply(fn, this, parsedArgs);
        const parsedReturns = await me._def.returns._def.type.parseAsync(result, params).catch((e) => {
          error.addIssue(makeReturnsIssue(result, e));
          throw error;
        });
        return parsedReturns;
      });
    } else {
      const me = this;
      return OK(function(...args) {
        const parsedArgs = me._def.args.safeParse(args, params);
        if (!parsedArgs.success) {
          throw new ZodError([makeArgsIssue(args, parsedArgs.error)]);
        }
        const result = Reflect.apply(fn, this, parsedArgs.data);
        const parsedReturns = me._def.returns.safeParse(result, params);
        if (!parsedReturns.success) {
          throw new ZodError([makeReturnsIssue(result, parsedReturns.error)]);
        }
        return parsedReturns.data;
      });
    }
  }
  parameters() {
    return this._def.args;
  }
  returnType() {
    return this._def.returns;
  }
  args(...items) {
    return new _ZodFunction({
      ...this._def,
      args: ZodTuple.create(items).rest(ZodUnknown.create())
    });
  }
  returns(returnType) {
    return new _ZodFunction({
      ...this._def,
      returns: returnType
    });
  }
  implement(func) {
    const validatedFunc = this.parse(func);
    return validatedFunc;
  }
  strictImplement(func) {
    const validatedFunc = this.parse(func);
    return validatedFunc;
  }
  static create(args, returns, params) {
    return new _ZodFunction({
      args: args ? args : ZodTuple.create([]).rest(ZodUnknown.create()),
      returns: returns || ZodUnknown.create(),
      typeName: ZodFirstPartyTypeKind.ZodFunction,
      ...processCreateParams(params)
    });
  }
};
var ZodLazy = class extends ZodType {
  get schema() {
    return this._def.getter();
  }
  _parse(input) {
    const { ctx } = this._processInputParams(input);
    const lazySchema = this._def.getter();
    return lazySchema._parse({ data: ctx.data, path: ctx.path, parent: ctx });
  }
};
ZodLazy.create = (getter, params) => {
  return new ZodLazy({
    getter,
    typeName: ZodFirstPartyTypeKind.ZodLazy,
    ...processCreateParams(params)
  });
};
var ZodLiteral = class extends ZodType {
  _parse(input) {
    if (input.data !== this._def.value) {
      const ctx = this._getOrReturnCtx(input);
      addIssueToContext(ctx, {
        received: ctx.data,
        code: ZodIssueCode.invalid_literal,
        expected: this._def.value
      });
      return INVALID;
    }
    return { status: "valid", value: input.data };
  }
  get value() {
    return this._def.value;
  }
};
ZodLiteral.create = (value, params) => {
  return new ZodLiteral({
    value,
    typeName: ZodFirstPartyTypeKind.ZodLiteral,
    ...processCreateParams(params)
  });
};
function createZodEnum(values, params) {
  return new ZodEnum({
    values,
    typeName: ZodFirstPartyTypeKind.ZodEnum,
    ...processCreateParams(params)
  });
}
var ZodEnum = class _ZodEnum extends ZodType {
  _parse(input) {
    if (typeof input.data !== "string") {
      const ctx = this._getOrReturnCtx(input);
      const expectedValues = this._def.values;
      addIssueToContext(ctx, {
        expected: util.joinValues(expectedValues),
        received: ctx.parsedType,
        code: ZodIssueCode.invalid_type
      });
      return INVALID;
    }
    if (!this._cache) {
      this._cache = new Set(this._def.values);
    }
    if (!this._cache.has(input.data)) {
      const ctx = this._getOrReturnCtx(input);
      const expectedValues = this._def.values;
      addIssueToContext(ctx, {
        received: ctx.data,
        code: ZodIssueCode.invalid_enum_value,
        options: expectedValues
      });
      return INVALID;
    }
    return OK(input.data);
  }
  get options() {
    return this._def.values;
  }
  get enum() {
    const enumValues = {};
    for (const val of this._def.values) {
      enumValues[val] = val;
    }
    return enumValues;
  }
  get Values() {
    const enumValues = {};
    for (const val of this._def.values) {
      enumValues[val] = val;
    }
    return enumValues;
  }
  get Enum() {
    const enumValues = {};
    for (const val of this._def.values) {
      enumValues[val] = val;
    }
    return enumValues;
  }
  extract(values, newDef = this._def) {
    return _ZodEnum.create(values, {
      ...this._def,
      ...newDef
    });
  }
  exclude(values, newDef = this._def) {
    return _ZodEnum.create(this.options.filter((opt) => !values.includes(opt)), {
      ...this._def,
      ...newDef
    });
  }
};
ZodEnum.create = createZodEnum;
var ZodNativeEnum = class extends ZodType {
  _parse(input) {
    const nativeEnumValues = util.getValidEnumValues(this._def.values);
    const ctx = this._getOrReturnCtx(input);
    if (ctx.parsedType !== ZodParsedType.string && ctx.parsedType !== ZodParsedType.number) {
      const expectedValues = util.objectValues(nativeEnumValues);
      addIssueToContext(ctx, {
        expected: util.joinValues(expectedValues),
        received: ctx.parsedType,
        code: ZodIssueCode.invalid_type
      });
      return INVALID;
    }
    if (!this._cache) {
      this._cache = new Set(util.getValidEnumValues(this._def.values));
    }
    if (!this._cache.has(input.data)) {
      const expectedValues = util.objectValues(nativeEnumValues);
      addIssueToContext(ctx, {
        received: ctx.data,
        code: ZodIssueCode.invalid_enum_value,
        options: expectedValues
      });
      return INVALID;
    }
    return OK(input.data);
  }
  get enum() {
    return this._def.values;
  }
};
ZodNativeEnum.create = (values, params) => {
  return new ZodNativeEnum({
    values,
    typeName: ZodFirstPartyTypeKind.ZodNativeEnum,
    ...processCreateParams(params)
  });
};
var ZodPromise = class extends ZodType {
  unwrap() {
    return this._def.type;
  }
  _parse(input) {
    const { ctx } = this._processInputParams(input);
    if (ctx.parsedType !== ZodParsedType.promise && ctx.common.async === false) {
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.promise,
        received: ctx.parsedType
      });
      return INVALID;
    }
    const promisified = ctx.parsedType === ZodParsedType.promise ? ctx.data : Promise.resolve(ctx.data);
    return OK(promisified.then((data) => {
      return this._def.type.parseAsync(data, {
        path: ctx.path,
        errorMap: ctx.common.contextualErrorMap
      });
    }));
  }
};
ZodPromise.create = (schema, params) => {
  return new ZodPromise({
    type: schema,
    typeName: ZodFirstPartyTypeKind.ZodPromise,
    ...processCreateParams(params)
  });
};
var ZodEffects = class extends ZodType {
  innerType() {
    return this._def.schema;
  }
  sourceType() {
    return this._def.schema._def.typeName === ZodFirstPartyTypeKind.ZodEffects ? this._def.schema.sourceType() : this._def.schema;
  }
  _parse(input) {
    const { status, ctx } = this._processInputParams(input);
    const effect = this._def.effect || null;
    const checkCtx = {
      addIssue: (arg) => {
        addIssueToContext(ctx, arg);
        if (arg.fatal) {
          status.abort();
        } else {
          status.dirty();
        }
      },
      get path() {
        return ctx.path;
      }
    };
    checkCtx.addIssue = checkCtx.addIssue.bind(checkCtx);
    if (effect.type === "preprocess") {
      const processed = effect.transform(ctx.data, checkCtx);
      if (ctx.common.async) {
        return Promise.resolve(processed).then(async (processed2) => {
          if (status.value === "aborted")
            return INVALID;
          const result = await this._def.schema._parseAsync({
            data: processed2,
            path: ctx.path,
            parent: ctx
          });
          if (result.status === "aborted")
            return INVALID;
          if (result.status === "dirty")
            return DIRTY(result.value);
          if (status.value === "dirty")
            return DIRTY(result.value);
          return result;
        });
      } else {
        if (status.value === "aborted")
          return INVALID;
        const result = this._def.schema._parseSync({
          data: processed,
          path: ctx.path,
          parent: ctx
        });
        if (result.status === "aborted")
          return INVALID;
        if (result.status === "dirty")
          return DIRTY(result.value);
        if (status.value === "dirty")
          return DIRTY(result.value);
        return result;
      }
    }
    if (effect.type === "refinement") {
      const executeRefinement = (acc) => {
        const result = effect.refinement(acc, checkCtx);
        if (ctx.common.async) {
          return Promise.resolve(result);
        }
        if (result instanceof Promise) {
          throw new Error("Async refinement encountered during synchronous parse operation. Use .parseAsync instead.");
        }
        return acc;
      };
      if (ctx.common.async === false) {
        const inner = this._def.schema._parseSync({
          data: ctx.data,
          path: ctx.path,
          parent: ctx
        });
        if (inner.status === "aborted")
          return INVALID;
        if (inner.status === "dirty")
          status.dirty();
        executeRefinement(inner.value);
        return { status: status.value, value: inner.value };
      } else {
        return this._def.schema._parseAsync({ data: ctx.data, path: ctx.path, parent: ctx }).then((inner) => {
          if (inner.status === "aborted")
            return INVALID;
          if (inner.status === "dirty")
            status.dirty();
          return executeRefinement(inner.value).then(() => {
            return { status: status.value, value: inner.value };
          });
        });
      }
    }
    if (effect.type === "transform") {
      if (ctx.common.async === false) {
        const base = this._def.schema._parseSync({
          data: ctx.data,
          path: ctx.path,
          parent: ctx
        });
        if (!isValid(base))
          return INVALID;
        const result = effect.transform(base.value, checkCtx);
        if (result instanceof Promise) {
          throw new Error(`Asynchronous transform encountered during synchronous parse operation. Use .parseAsync instead.`);
        }
        return { status: status.value, value: result };
      } else {
        return this._def.schema._parseAsync({ data: ctx.data, path: ctx.path, parent: ctx }).then((base) => {
          if (!isValid(base))
            return INVALID;
          return Promise.resolve(effect.transform(base.value, checkCtx)).then((result) => ({
            status: status.value,
            value: result
          }));
        });
      }
    }
    util.assertNever(effect);
  }
};
ZodEffects.create = (schema, effect, params) => {
  return new ZodEffects({
    schema,
    typeName: ZodFirstPartyTypeKind.ZodEffects,
    effect,
    ...processCreateParams(params)
  });
};
ZodEffects.createWithPreprocess = (preprocess, schema, params) => {
  return new ZodEffects({
    schema,
    effect: { type: "preprocess", transform: preprocess },
    typeName: ZodFirstPartyTypeKind.ZodEffects,
    ...processCreateParams(params)
  });
};
var ZodOptional = class extends ZodType {
  _parse(input) {
    const parsedType = this._getType(input);
    if (parsedType === ZodParsedType.undefined) {
      return OK(void 0);
    }
    return this._def.innerType._parse(input);
  }
  unwrap() {
    return this._def.innerType;
  }
};
ZodOptional.create = (type, params) => {
  return new ZodOptional({
    innerType: type,
    typeName: ZodFirstPartyTypeKind.ZodOptional,
    ...processCreateParams(params)
  });
};
var ZodNullable = class extends ZodType {
  _parse(input) {
    const parsedType = this._getType(input);
    if (parsedType === ZodParsedType.null) {
      return OK(null);
    }
    return this._def.innerType._parse(input);
  }
  unwrap() {
    return this._def.innerType;
  }
};
ZodNullable.create = (type, params) => {
  return new ZodNullable({
    innerType: type,
    typeName: ZodFirstPartyTypeKind.ZodNullable,
    ...processCreateParams(params)
  });
};
var ZodDefault = class extends ZodType {
  _parse(input) {
    const { ctx } = this._processInputParams(input);
    let data = ctx.data;
    if (ctx.parsedType === ZodParsedType.undefined) {
      data = this._def.defaultValue();
    }
    return this._def.innerType._parse({
      data,
      path: ctx.path,
      parent: ctx
    });
  }
  removeDefault() {
    return this._def.innerType;
  }
};
ZodDefault.create = (type, params) => {
  return new ZodDefault({
    innerType: type,
    typeName: ZodFirstPartyTypeKind.ZodDefault,
    defaultValue: typeof params.default === "function" ? params.default : () => params.default,
    ...processCreateParams(params)
  });
};
var ZodCatch = class extends ZodType {
  _parse(input) {
    const { ctx } = this._processInputParams(input);
    const newCtx = {
      ...ctx,
      common: {
        ...ctx.common,
        issues: []
      }
    };
    const result = this._def.innerType._parse({
      data: newCtx.data,
      path: newCtx.path,
      parent: {
        ...newCtx
      }
    });
    if (isAsync(result)) {
      return result.then((result2) => {
        return {
          status: "valid",
          value: result2.status === "valid" ? result2.value : this._def.catchValue({
            get error() {
              return new ZodError(newCtx.common.issues);
            },
            input: newCtx.data
          })
        };
      });
    } else {
      return {
        status: "valid",
        value: result.status === "valid" ? result.value : this._def.catchValue({
          get error() {
            return new ZodError(newCtx.common.issues);
          },
          input: newCtx.data
        })
      };
    }
  }
  removeCatch() {
    return this._def.innerType;
  }
};
ZodCatch.create = (type, params) => {
  return new ZodCatch({
    innerType: type,
    typeName: ZodFirstPartyTypeKind.ZodCatch,
    catchValue: typeof params.catch === "function" ? params.catch : () => params.catch,
    ...processCreateParams(params)
  });
};
var ZodNaN = class extends ZodType {
  _parse(input) {
    const parsedType = this._getType(input);
    if (parsedType !== ZodParsedType.nan) {
      const ctx = this._getOrReturnCtx(input);
      addIssueToContext(ctx, {
        code: ZodIssueCode.invalid_type,
        expected: ZodParsedType.nan,
        received: ctx.parsedType
      });
      return INVALID;
    }
    return { status: "valid", value: input.data };
  }
};
ZodNaN.create = (params) => {
  return new ZodNaN({
    typeName: ZodFirstPartyTypeKind.ZodNaN,
    ...processCreateParams(params)
  });
};
var BRAND = /* @__PURE__ */ Symbol("zod_brand");
var ZodBranded = class extends ZodType {
  _parse(input) {
    const { ctx } = this._processInputParams(input);
    const data = ctx.data;
    return this._def.type._parse({
      data,
      path: ctx.path,
      parent: ctx
    });
  }
  unwrap() {
    return this._def.type;
  }
};
var ZodPipeline = class _ZodPipeline extends ZodType {
  _parse(input) {
    const { status, ctx } = this._processInputParams(input);
    if (ctx.common.async) {
      const handleAsync = async () => {
        const inResult = await this._def.in._parseAsync({
          data: ctx.data,
          path: ctx.path,
          parent: ctx
        });
        if (inResult.status === "aborted")
          return INVALID;
        if (inResult.status === "dirty") {
          status.dirty();
          return DIRTY(inResult.value);
        } else {
          return this._def.out._parseAsync({
            data: inResult.value,
            path: ctx.path,
            parent: ctx
          });
        }
      };
      return handleAsync();
    } else {
      const inResult = this._def.in._parseSync({
        data: ctx.data,
        path: ctx.path,
        parent: ctx
      });
      if (inResult.status === "aborted")
        return INVALID;
      if (inResult.status === "dirty") {
        status.dirty();
        return {
          status: "dirty",
          value: inResult.value
        };
      } else {
        return this._def.out._parseSync({
          data: inResult.value,
          path: ctx.path,
          parent: ctx
        });
      }
    }
  }
  static create(a, b) {
    return new _ZodPipeline({
      in: a,
      out: b,
      typeName: ZodFirstPartyTypeKind.ZodPipeline
    });
  }
};
var ZodReadonly = class extends ZodType {
  _parse(input) {
    const result = this._def.innerType._parse(input);
    const freeze = (data) => {
      if (isValid(data)) {
        data.value = Object.freeze(data.value);
      }
      return data;
    };
    return isAsync(result) ? result.then((data) => freeze(data)) : freeze(result);
  }
  unwrap() {
    return this._def.innerType;
  }
};
ZodReadonly.create = (type, params) => {
  return new ZodReadonly({
    innerType: type,
    typeName: ZodFirstPartyTypeKind.ZodReadonly,
    ...processCreateParams(params)
  });
};
function cleanParams(params, data) {
  const p = typeof params === "function" ? params(data) : typeof params === "string" ? { message: params } : params;
  const p2 = typeof p === "string" ? { message: p } : p;
  return p2;
}
function custom(check, _params = {}, fatal) {
  if (check)
    return ZodAny.create().superRefine((data, ctx) => {
      const r = check(data);
      if (r instanceof Promise) {
        return r.then((r2) => {
          if (!r2) {
            const params = cleanParams(_params, data);
            const _fatal = params.fatal ?? fatal ?? true;
            ctx.addIssue({ code: "custom", ...params, fatal: _fatal });
          }
        });
      }
      if (!r) {
        const params = cleanParams(_params, data);
        const _fatal = params.fatal ?? fatal ?? true;
        ctx.addIssue({ code: "custom", ...params, fatal: _fatal });
      }
      return;
    });
  return ZodAny.create();
}
var late = {
  object: ZodObject.lazycreate
};
var ZodFirstPartyTypeKind;
(function(ZodFirstPartyTypeKind2) {
  ZodFirstPartyTypeKind2["ZodString"] = "ZodString";
  ZodFirstPartyTypeKind2["ZodNumber"] = "ZodNumber";
  ZodFirstPartyTypeKind2["ZodNaN"] = "ZodNaN";
  ZodFirstPartyTypeKind2["ZodBigInt"] = "ZodBigInt";
  ZodFirstPartyTypeKind2["ZodBoolean"] = "ZodBoolean";
  ZodFirstPartyTypeKind2["ZodDate"] = "ZodDate";
  ZodFirstPartyTypeKind2["ZodSymbol"] = "ZodSymbol";
  ZodFirstPartyTypeKind2["ZodUndefined"] = "ZodUndefined";
  ZodFirstPartyTypeKind2["ZodNull"] = "ZodNull";
  ZodFirstPartyTypeKind2["ZodAny"] = "ZodAny";
  ZodFirstPartyTypeKind2["ZodUnknown"] = "ZodUnknown";
  ZodFirstPartyTypeKind2["ZodNever"] = "ZodNever";
  ZodFirstPartyTypeKind2["ZodVoid"] = "ZodVoid";
  ZodFirstPartyTypeKind2["ZodArray"] = "ZodArray";
  ZodFirstPartyTypeKind2["ZodObject"] = "ZodObject";
  ZodFirstPartyTypeKind2["ZodUnion"] = "ZodUnion";
  ZodFirstPartyTypeKind2["ZodDiscriminatedUnion"] = "ZodDiscriminatedUnion";
  ZodFirstPartyTypeKind2["ZodIntersection"] = "ZodIntersection";
  ZodFirstPartyTypeKind2["ZodTuple"] = "ZodTuple";
  ZodFirstPartyTypeKind2["ZodRecord"] = "ZodRecord";
  ZodFirstPartyTypeKind2["ZodMap"] = "ZodMap";
  ZodFirstPartyTypeKind2["ZodSet"] = "ZodSet";
  ZodFirstPartyTypeKind2["ZodFunction"] = "ZodFunction";
  ZodFirstPartyTypeKind2["ZodLazy"] = "ZodLazy";
  ZodFirstPartyTypeKind2["ZodLiteral"] = "ZodLiteral";
  ZodFirstPartyTypeKind2["ZodEnum"] = "ZodEnum";
  ZodFirstPartyTypeKind2["ZodEffects"] = "ZodEffects";
  ZodFirstPartyTypeKind2["ZodNativeEnum"] = "ZodNativeEnum";
  ZodFirstPartyTypeKind2["ZodOptional"] = "ZodOptional";
  ZodFirstPartyTypeKind2["ZodNullable"] = "ZodNullable";
  ZodFirstPartyTypeKind2["ZodDefault"] = "ZodDefault";
  ZodFirstPartyTypeKind2["ZodCatch"] = "ZodCatch";
  ZodFirstPartyTypeKind2["ZodPromise"] = "ZodPromise";
  ZodFirstPartyTypeKind2["ZodBranded"] = "ZodBranded";
  ZodFirstPartyTypeKind2["ZodPipeline"] = "ZodPipeline";
  ZodFirstPartyTypeKind2["ZodReadonly"] = "ZodReadonly";
})(ZodFirstPartyTypeKind || (ZodFirstPartyTypeKind = {}));
var instanceOfType = (cls, params = {
  message: `Input not instance of ${cls.name}`
}) => custom((data) => data instanceof cls, params);
var stringType = ZodString.create;
var numberType = ZodNumber.create;
var nanType = ZodNaN.create;
var bigIntType = ZodBigInt.create;
var booleanType = ZodBoolean.create;
var dateType = ZodDate.create;
var symbolType = ZodSymbol.create;
var undefinedType = ZodUndefined.create;
var nullType = ZodNull.create;
var anyType = ZodAny.create;
var unknownType = ZodUnknown.create;
var neverType = ZodNever.create;
var voidType = ZodVoid.create;
var arrayType = ZodArray.create;
var objectType = ZodObject.create;
var strictObjectType = ZodObject.strictCreate;
var unionType = ZodUnion.create;
var discriminatedUnionType = ZodDiscriminatedUnion.create;
var intersectionType = ZodIntersection.create;
var tupleType = ZodTuple.create;
var recordType = ZodRecord.create;
var mapType = ZodMap.create;
var setType = ZodSet.create;
var functionType = ZodFunction.create;
var lazyType = ZodLazy.create;
var literalType = ZodLiteral.create;
var enumType = ZodEnum.create;
var nativeEnumType = ZodNativeEnum.create;
var promiseType = ZodPromise.create;
var effectsType = ZodEffects.create;
var optionalType = ZodOptional.create;
var nullableType = ZodNullable.create;
var preprocessType = ZodEffects.createWithPreprocess;
var pipelineType = ZodPipeline.create;
var ostring = () => stringType().optional();
var onumber = () => numberType().optional();
var oboolean = () => booleanType().optional();
var coerce = {
  string: ((arg) => ZodString.create({ ...arg, coerce: true })),
  number: ((arg) => ZodNumber.create({ ...arg, coerce: true })),
  boolean: ((arg) => ZodBoolean.create({
    ...arg,
    coerce: true
  })),
  bigint: ((arg) => ZodBigInt.create({ ...arg, coerce: true })),
  date: ((arg) => ZodDate.create({ ...arg, coerce: true }))
};
var NEVER = INVALID;

// src/toolchain/glibc-floor.ts
var DEFAULT_GLIBC_FLOOR = "2.17";
var OLDEST_GLIBC_FLOOR = "2.17";
var NEWEST_GLIBC_FLOOR = "2.42";
var RANGE = `${OLDEST_GLIBC_FLOOR} to ${NEWEST_GLIBC_FLOOR}`;
function compareVersions(a, b) {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const difference = (x[i] ?? 0) - (y[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
function parseGlibcFloor(value) {
  const text = value.trim();
  if (text === "host") return { floor: "host" };
  if (!/^2\.\d+$/.test(text)) {
    return { problem: `glibc "${value}" is not a glibc release: write 2.N from ${RANGE} (e.g. 2.17), or host` };
  }
  if (compareVersions(text, OLDEST_GLIBC_FLOOR) < 0 || compareVersions(text, NEWEST_GLIBC_FLOOR) > 0) {
    return {
      problem: `glibc "${value}" is outside the floors pyseal can hold: choose ${RANGE} (${OLDEST_GLIBC_FLOOR} is the oldest glibc with aarch64 and the manylinux2014 floor), or host`
    };
  }
  return { floor: text };
}
function whyNoGlibc(target) {
  if (target.os === "linux" && target.libc === "gnu") return null;
  return target.os === "linux" ? `${target.triple} links musl statically and needs no glibc` : `${target.triple} is not Linux, and only Linux gnu targets use glibc`;
}

// src/inputs/options/value-schemas.ts
var DEFAULT_PYTHON_VERSION = "3.14";
var DEFAULT_STDLIB_EXCLUDE = [
  "test",
  "*/test",
  "*/tests",
  "idlelib",
  "tkinter",
  "turtledemo",
  "turtle.py",
  "ensurepip",
  "lib2to3",
  "site-packages"
];
var FilesystemRelativeSchema = external_exports.object({
  kind: external_exports.literal("filesystem-relative"),
  dir: external_exports.string().regex(
    /^(?!\.\.?(\/|$))(?!.*\/\.\.?(\/|$))[\w.-]+(\/[\w.-]+)*$/,
    `must be a directory below the binary's (letters, digits, ".", "_", "-" and "/"; no ".." and no leading "/")`
  )
});
var ExtensionLocationSchema = external_exports.discriminatedUnion("kind", [
  /** Loaded from memory, never written to disk (only Windows can, and only when allowed). */
  external_exports.object({ kind: external_exports.literal("in-memory") }),
  /** A shared-library file in this directory beside the binary. */
  FilesystemRelativeSchema
]);
var PackageDataLocationSchema = external_exports.object({
  /** A top-level package of the app (an import name). */
  package: external_exports.string().regex(/^[A-Za-z_]\w*$/, "must be a top-level package name (`mypkg`, not `mypkg.sub` or a path)"),
  location: external_exports.discriminatedUnion("kind", [FilesystemRelativeSchema, external_exports.object({ kind: external_exports.literal("user-cache") })])
});
var LinkExtraSchema = external_exports.discriminatedUnion("kind", [
  external_exports.object({ kind: external_exports.literal("objects"), paths: external_exports.array(external_exports.string()) }),
  /** `pkg.mod=a.o,b.a`: a built-in module from these objects (its init function is PyInit_mod). */
  external_exports.object({ kind: external_exports.literal("module"), module: external_exports.string(), paths: external_exports.array(external_exports.string()) })
]);
var GlibcFloorSchema = external_exports.union([external_exports.literal("host"), external_exports.custom((v) => typeof v === "string" && /^2\.\d+$/.test(v))]).nullable();
var EntryPointSchema = external_exports.string().regex(/^[A-Za-z_][\w.]*(:[A-Za-z_][\w.]*)?$/, "must look like pkg.module:function or pkg.module");

// src/inputs/options/build.ts
var EVERYWHERE = ["cli", "pyproject", "action"];
var ALSO_WORKFLOW = ["cli", "pyproject", "action", "workflow"];
var BUILD_OPTIONS = {
  target: {
    name: "target",
    value: external_exports.string().min(1),
    given: "text",
    surfaces: EVERYWHERE,
    metavar: "TRIPLE",
    default: { text: "this machine's triple" },
    summary: "target triple or alias (`linux-x64`, `linux-musl-x64`, ...)"
  },
  project: {
    name: "project",
    value: external_exports.string().min(1),
    given: "text",
    surfaces: ALSO_WORKFLOW,
    metavar: "DIR",
    default: { value: ".", declared: true },
    summary: "the project directory (a `pyproject.toml` or `setup.py`)"
  },
  requirements: {
    name: "requirements",
    value: external_exports.array(external_exports.string().min(1)),
    given: "repeated",
    arrayOnly: true,
    surfaces: ALSO_WORKFLOW,
    metavar: "FILE",
    summary: "a requirements file; everything is built from source"
  },
  entryPoint: {
    name: "entry-point",
    value: EntryPointSchema.nullable(),
    given: "text",
    surfaces: ALSO_WORKFLOW,
    metavar: "MOD[:FUNC]",
    default: { text: "the only `[project.scripts]` entry" },
    summary: "what the binary runs: `pkg.module:function` or `pkg.module`; `none` (or no scripts at all) gives an interpreter-mode binary that behaves like `python`"
  },
  name: {
    name: "name",
    value: external_exports.string().regex(/^[\w.-]+$/, 'may hold letters, digits, ".", "_" and "-" only'),
    given: "text",
    surfaces: ALSO_WORKFLOW,
    metavar: "NAME",
    default: { text: "the project's name" },
    summary: "executable name"
  },
  pythonVersion: {
    name: "python-version",
    value: external_exports.string().nullable(),
    given: "text",
    surfaces: ALSO_WORKFLOW,
    metavar: "X.Y[.Z][t]",
    default: {
      value: DEFAULT_PYTHON_VERSION,
      text: `\`${DEFAULT_PYTHON_VERSION}\` (when python-distribution is not given)`
    },
    summary: "the CPython to build from source, as setup-python names it: `3.11` to `3.15` or an exact `3.13.5` or `3.15.0rc2`, fetched from the sources pinned in pyseal's release list; a `t` suffix (`3.14t`) builds the free-threaded CPython (GIL disabled); python-distribution wins when given",
    readme: "the CPython to build from source, as setup-python names it: `3.11` to `3.15` or an exact release such as `3.13.5` (a pre-release such as `3.15.0rc2` too; a bare `3.15` takes a pre-release only with allow-prereleases), fetched from the places and sha256 pinned in `src/distribution/cpython-releases.json` (Debian's source packages where Debian has the version, else the release tag of CPython's repository as the Go module proxy serves it). A `t` suffix (`3.14t`, `3.14.7t`; 3.13 and later) builds the free-threaded CPython (`--disable-gil`, ABI `cp314t`): the binary starts with the GIL disabled, packages are built as `cp314t` extensions, and importing an extension module that does not declare `Py_mod_gil` support turns the GIL back on with a RuntimeWarning, as in CPython. python-distribution wins when given; the two must not disagree"
  },
  allowPrereleases: {
    name: "allow-prereleases",
    value: external_exports.boolean(),
    given: "switch",
    surfaces: ALSO_WORKFLOW,
    default: { value: false },
    summary: "let a bare `X.Y` python-version take its newest pre-release (`3.15.0rc2`) when the release list has no final release of it yet, as in setup-python; an exact pre-release is always taken"
  },
  pythonDistribution: {
    name: "python-distribution",
    value: external_exports.string().min(1),
    given: "text",
    surfaces: ALSO_WORKFLOW,
    metavar: "SRC",
    default: { text: "none: python-version decides" },
    summary: "the CPython to build on: a source tarball (path or URL), `debian:python3.11` / `debian:python3.13`, a python-build-standalone full archive (`pbs:3.11`, or its path or URL#sha256=HEX), or a directory with PYTHON.json",
    readme: "a CPython source tarball (path or URL), `debian:python3.11` / `debian:python3.13` (Debian's source packages), a python-build-standalone *full* archive (`pbs:3.11`, `pbs:3.11.9+20240415:lto`, its path, or its URL with `#sha256=HEX`), or a directory holding a `PYTHON.json`"
  },
  pythonOptimization: {
    name: "python-optimization",
    value: external_exports.enum(["none", "lto", "pgo+lto"]),
    given: "text",
    surfaces: ALSO_WORKFLOW,
    metavar: "MODE",
    default: { value: "none" },
    summary: "for a CPython built from source: `none` (quickest to build), `lto`, or `pgo+lto` (the fastest start-up, about four times the build, cached once built)",
    readme: "for a CPython built from source: `none` (quickest to build), `lto`, or `pgo+lto` (profile-guided and link-time optimized, as operating systems ship it: the fastest start-up, a build about four times as long, cached once built). python-build-standalone archives choose theirs by variant (`pbs:3.11:pgo+lto`)"
  },
  glibc: {
    name: "glibc",
    value: GlibcFloorSchema,
    given: "text",
    surfaces: ALSO_WORKFLOW,
    metavar: "2.N|host",
    default: { value: DEFAULT_GLIBC_FLOOR },
    summary: `the oldest glibc the binary must start on (Linux gnu targets only): \`2.N\` from ${OLDEST_GLIBC_FLOOR} to ${NEWEST_GLIBC_FLOOR}, or \`host\` (no floor); a binary or shipped library that needs a newer glibc fails the build`,
    readme: `the oldest glibc the binary must start on, for Linux gnu targets: \`2.N\` from ${OLDEST_GLIBC_FLOOR} to ${NEWEST_GLIBC_FLOOR}, or \`host\` (no floor: whatever this machine's toolchain links against). The binary and every shared library shipped beside it or embedded in it are checked after the build (the report's \`executable.requires\`); one that needs a newer glibc fails the build (unless \`--fail-on never\`), naming the file, the symbol version and a symbol that needs it. Given in \`[tool.pyseal]\`, it applies to the gnu targets of a matrix and is ignored on others`
  },
  stdlibExclude: {
    name: "stdlib-exclude",
    value: external_exports.array(external_exports.string()),
    given: "list",
    surfaces: EVERYWHERE,
    metavar: "LIST",
    default: { value: DEFAULT_STDLIB_EXCLUDE, text: "test suites, `idlelib`, `tkinter`, `ensurepip`, `lib2to3`" },
    summary: "comma-separated stdlib parts to leave out; `none` keeps the whole stdlib"
  },
  stdlib: {
    name: "stdlib",
    value: external_exports.enum(["all", "imported"]),
    given: "text",
    surfaces: ALSO_WORKFLOW,
    metavar: "all|imported",
    default: { value: "all" },
    summary: "`all`: the stdlib less stdlib-exclude; `imported`: only the stdlib modules and extension modules the app and its packages import (found statically; a smaller binary)",
    readme: "`all`: the stdlib less stdlib-exclude; `imported`: pack only the stdlib modules the app and its packages import and link only the stdlib extension modules they import (found statically with `modulefinder`: module level in the stdlib, everywhere in the app and its packages, plus a kept table of what C code imports; the interpreter's own modules always stay). A hello-world drops from about 33 MB to 9 MB. Importing a module left out this way raises `ModuleNotFoundError` naming `--stdlib-include NAME`, and the report lists it (`STDLIB_NOT_IMPORTED` for an extension module, `stdlib.leftOut` for the rest)"
  },
  stdlibInclude: {
    name: "stdlib-include",
    value: external_exports.array(external_exports.string().regex(/^[A-Za-z_][\w.]*$/, "must be dotted module names")),
    given: "list",
    surfaces: ALSO_WORKFLOW,
    metavar: "LIST",
    summary: "comma-separated modules that stdlib `imported` keeps though no import of them is found (dynamic imports)",
    readme: "modules that stdlib `imported` keeps though no import of them is found (`importlib.import_module(name)` with a computed name): comma-separated dotted names"
  },
  outDir: {
    name: "out-dir",
    value: external_exports.string().min(1),
    given: "text",
    surfaces: EVERYWHERE,
    metavar: "DIR",
    default: { value: "pyseal-out", declared: true },
    summary: "where the executable and its report go",
    readme: "where `<name>` and `<name>.report.json` go"
  },
  cacheDir: {
    name: "cache-dir",
    value: external_exports.string().min(1),
    given: "text",
    surfaces: EVERYWHERE,
    metavar: "DIR",
    default: { text: "`~/.cache/pyseal`" },
    summary: "the build cache: built CPython distributions and compiled packages, by content"
  },
  failOn: {
    name: "fail-on",
    value: external_exports.enum(["error", "fallback", "never"]),
    given: "text",
    surfaces: ALSO_WORKFLOW,
    metavar: "WHEN",
    default: { value: "error", declared: true },
    summary: "when the build counts as failed: `error` (when no binary could be made, or a third-party extension module is left out: neither built in nor shipped beside the binary, and its package not in exclude-packages), `fallback` (also when one is not built in) or `never`"
  },
  flavor: {
    name: "flavor",
    value: external_exports.enum(["static", "dynamic"]).nullable(),
    given: "text",
    surfaces: ALSO_WORKFLOW,
    metavar: "static|dynamic",
    default: { text: "`static` on musl, `dynamic` elsewhere" },
    summary: "`static`: built-ins only; `dynamic`: extension modules that cannot be built in are kept as shared libraries, loaded from memory or shipped beside the binary (extension-location)"
  },
  extensionLocations: {
    name: "extension-location",
    value: external_exports.array(ExtensionLocationSchema).min(1),
    given: "list",
    surfaces: EVERYWHERE,
    metavar: "LIST",
    default: { value: "in-memory,filesystem-relative:lib" },
    summary: "where such files go, first that works wins: `in-memory` (embedded in the binary and loaded from memory on import; Linux gnu), `filesystem-relative:DIR` (a folder beside the binary)"
  },
  allowInMemorySharedLibraryLoading: {
    name: "allow-in-memory-shared-library-loading",
    value: external_exports.boolean(),
    given: "switch",
    surfaces: EVERYWHERE,
    default: { value: false, declared: true },
    summary: "let `in-memory` use a loader of pyseal's own (Windows); not needed on Linux gnu, where the system's loader maps the module"
  },
  packageDataLocations: {
    name: "package-data-location",
    value: external_exports.array(PackageDataLocationSchema),
    given: "list",
    surfaces: ALSO_WORKFLOW,
    metavar: "LIST",
    summary: "comma-separated `PKG=filesystem-relative:DIR` or `PKG=user-cache`: top-level packages whose files code outside Python opens by path, shipped beside the binary or extracted to a per-user cache on first import"
  },
  excludePackages: {
    name: "exclude-packages",
    value: external_exports.array(external_exports.string()),
    given: "list",
    surfaces: EVERYWHERE,
    metavar: "LIST",
    summary: "comma-separated distributions whose extension modules are left out"
  },
  standalonePackages: {
    name: "standalone-packages",
    value: external_exports.array(external_exports.string()),
    given: "list",
    surfaces: EVERYWHERE,
    metavar: "LIST",
    summary: "comma-separated distributions whose extension modules stay shared libraries (loaded from memory or beside the binary, as extension-location says)"
  },
  linkExtra: {
    name: "link-extra",
    value: external_exports.array(LinkExtraSchema),
    given: "repeated",
    surfaces: EVERYWHERE,
    metavar: "ITEM",
    summary: "extra objects or static libraries to link (`a.o,libx.a`), or an extension module compiled outside pip, built in from them (`pkg.mod=a.o,libm.a`)"
  }
};

// src/inputs/resolve-inputs.ts
var import_node_fs10 = require("node:fs");
var import_node_path11 = __toESM(require("node:path"));

// src/cache/paths.ts
var import_node_os = __toESM(require("node:os"));
var import_node_path = __toESM(require("node:path"));
function defaultCacheDir() {
  const fromEnv = process.env.PYSEAL_CACHE_DIR;
  if (fromEnv) return import_node_path.default.resolve(fromEnv);
  const xdg = process.env.XDG_CACHE_HOME;
  return import_node_path.default.join(xdg ? xdg : import_node_path.default.join(import_node_os.default.homedir(), ".cache"), "pyseal");
}

// src/errors/user-error.ts
var UserError = class extends Error {
  input;
  /** What is wrong, in words (not an underlying Error: that is in the message when it matters). */
  cause;
  fix;
  /**
   * `message` is the text the user reads; by default "INPUT CAUSE: FIX" ("requirements
   * file x.txt does not exist: check --requirements"). Give it when the sentence reads
   * better in another order, but let it name all three.
   */
  constructor(parts2, message = `${parts2.input} ${parts2.cause}: ${parts2.fix}`) {
    super(message);
    this.name = "UserError";
    this.input = parts2.input;
    this.cause = parts2.cause;
    this.fix = parts2.fix;
  }
};
function renderError(error) {
  return error instanceof Error ? error.message : String(error);
}
function renderCliError(error) {
  return `pyseal: error: ${renderError(error)}
`;
}

// src/inputs/suggest.ts
function editDistance(a, b) {
  const d = Array.from(
    { length: a.length + 1 },
    (_, i) => Array.from({ length: b.length + 1 }, (_2, j) => i === 0 ? j : j === 0 ? i : 0)
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
function nearest(word, candidates) {
  const wanted = word.trim().toLowerCase();
  let best = null;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  if (!best) return null;
  return best.distance <= Math.max(2, Math.floor(best.candidate.length / 4)) ? best.candidate : null;
}
function didYouMean(word, candidates) {
  const match = nearest(word, candidates);
  return match ? ` Did you mean "${match}"?` : "";
}

// src/targets/toolchains.ts
var glibcParts = ["c", "m", "dl", "pthread", "rt", "util", "resolv", "gcc_s"];
var zigMuslParts = ["c", "m", "dl", "pthread", "rt", "util", "resolv"];
var darwinParts = ["c", "m", "dl", "pthread", "util", "System", "resolv"];
var windowsParts = [
  "kernel32",
  "user32",
  "advapi32",
  "shell32",
  "ole32",
  "oleaut32",
  "ws2_32",
  "bcrypt",
  "version"
];
function gnuToolchain(arch, prefix, packages) {
  return {
    cc: `${prefix}gcc`,
    cxx: `${prefix}g++`,
    cxxLinkFlags: ["-static-libstdc++", "-static-libgcc"],
    zigCxxTarget: null,
    zigGlibcTarget: `${arch}-linux-gnu`,
    zigTarget: null,
    ar: `${prefix}ar`,
    ld: `${prefix}ld`,
    objcopy: `${prefix}objcopy`,
    nm: `${prefix}nm`,
    // Not position-independent, as Debian links its own python3: no start-up relocation of
    // CPython's many static pointers (a hello-world: 18% fewer page faults, ~15% quicker).
    // What it exports (the C API, for modules shipped beside it) the final link decides
    // (src/link/exports.ts): not every global, which would include its private OpenSSL, zlib...
    linkFlags: ["-no-pie"],
    libraryDirs: null,
    systemLibraries: glibcParts,
    install: { kind: "apt", packages }
  };
}
function muslToolchain(arch) {
  return {
    cc: "musl-gcc",
    cxx: null,
    cxxLinkFlags: [],
    zigCxxTarget: `${arch}-linux-musl`,
    zigGlibcTarget: null,
    zigTarget: null,
    ar: "ar",
    ld: "ld",
    objcopy: "objcopy",
    nm: "nm",
    // --eh-frame-hdr: gcc leaves it out of a static link, and without it the unwinder a Rust
    // module brings (LLVM's libunwind, which finds frames through PT_GNU_EH_FRAME) finds none.
    linkFlags: ["-static", "-Wl,--eh-frame-hdr"],
    libraryDirs: [`/usr/lib/${arch}-linux-musl`],
    systemLibraries: [],
    install: { kind: "apt", packages: ["musl-tools", "musl-dev", "build-essential"] }
  };
}
function zigMuslToolchain(arch, binutilsPrefix, packages) {
  return {
    cc: `cc-${arch}-linux-musl`,
    cxx: `c++-${arch}-linux-musl`,
    cxxLinkFlags: [],
    zigCxxTarget: null,
    zigGlibcTarget: null,
    zigTarget: `${arch}-linux-musl`,
    ar: `${binutilsPrefix}ar`,
    ld: `${binutilsPrefix}ld`,
    objcopy: `${binutilsPrefix}objcopy`,
    nm: `${binutilsPrefix}nm`,
    linkFlags: ["-static"],
    // Libraries come from the static-deps prefix only: zig would also search the host's multiarch directories.
    libraryDirs: [],
    systemLibraries: zigMuslParts,
    install: { kind: "apt", packages }
  };
}
function darwinToolchain(arch) {
  return {
    cc: "clang",
    cxx: "clang++",
    cxxLinkFlags: [],
    zigCxxTarget: null,
    zigGlibcTarget: null,
    zigTarget: null,
    ar: "ar",
    ld: "ld",
    objcopy: null,
    nm: "nm",
    linkFlags: ["-arch", arch],
    libraryDirs: null,
    systemLibraries: darwinParts,
    install: { kind: "xcode" }
  };
}

// src/targets/table.ts
var ToolchainInstallSchema = external_exports.discriminatedUnion("kind", [
  /** Debian/Ubuntu packages (GitHub's Linux runners, this project's machines). */
  external_exports.object({ kind: external_exports.literal("apt"), packages: external_exports.array(external_exports.string()) }),
  /** Xcode's command line tools (preinstalled on GitHub's macOS runners; `xcode-select --install` elsewhere). */
  external_exports.object({ kind: external_exports.literal("xcode") }),
  /** Visual Studio's C++ build tools, whose environment is found with vswhere (preinstalled on GitHub's Windows runners). */
  external_exports.object({ kind: external_exports.literal("msvc"), arch: external_exports.enum(["x64", "arm64"]) })
]);
var ToolchainSchema = external_exports.object({
  /** C compiler driver for CPython, extensions, the launcher and the final link. */
  cc: external_exports.string(),
  /** C++ compiler driver, when the host has one for the triple (see zigCxxTarget otherwise). */
  cxx: external_exports.string().nullable(),
  /** Flags the final link takes when C++ objects are in it (the C++ runtime, linked statically). */
  cxxLinkFlags: external_exports.array(external_exports.string()),
  /** No C++ library for the triple on the host: the zig target whose `zig c++` (clang, libc++) compiles C++ and links. */
  zigCxxTarget: external_exports.string().nullable(),
  /** glibc targets: the zig target whose compilers, at `<it>.<floor>`, link for an older glibc (floor-toolchain.ts). */
  zigGlibcTarget: external_exports.string().nullable(),
  /** The zig target that compiles C and C++ for the triple: cc and cxx then name the drivers pyseal writes into
   * its cache (zig-toolchain.ts puts them in place), not commands on PATH. Null: the compilers named are the host's. */
  zigTarget: external_exports.string().nullable(),
  /** Static-library archiver (`ar`, `lib.exe`). */
  ar: external_exports.string(),
  /** Linker that merges objects into one relocatable object (`ld -r`) before symbols are made private. */
  ld: external_exports.string(),
  /** The objcopy-equivalent that makes an extension's symbols private. Null where the object format does it another
   * way (Mach-O: `ld -r -exported_symbols_list`; COFF: nothing leaves a static link but what the linker resolves). */
  objcopy: external_exports.string().nullable(),
  /** Symbol lister (`nm`, `dumpbin`). */
  nm: external_exports.string(),
  /** Link flags every executable for this triple gets. */
  linkFlags: external_exports.array(external_exports.string()),
  /** Where the linker looks for libraries, when the compiler driver cannot say (musl-gcc answers
   * -print-search-dirs with the host gcc's glibc directories). Null: ask the compiler. */
  libraryDirs: external_exports.array(external_exports.string()).nullable(),
  /** Libraries that stay dynamic (the C library's own parts); every other one links statically. */
  systemLibraries: external_exports.array(external_exports.string()),
  /** How to install this toolchain where it is missing. */
  install: ToolchainInstallSchema
});
var CrossToolchainSchema = external_exports.object({
  /** The build machine's triple. */
  host: external_exports.string(),
  /** The GNU triplet configure scripts take as --host (`aarch64-linux-gnu`). */
  configureHost: external_exports.string(),
  toolchain: ToolchainSchema,
  /** Runs the target's binaries on the host (qemu-user), for checks and tests; null when none can. */
  emulator: external_exports.array(external_exports.string()).nullable()
});
var TargetSchema = external_exports.object({
  triple: external_exports.string(),
  os: external_exports.enum(["linux", "macos", "windows"]),
  arch: external_exports.enum(["x86_64", "aarch64"]),
  libc: external_exports.enum(["gnu", "musl", "darwin", "msvc"]),
  objectFormat: external_exports.enum(["elf", "mach-o", "coff"]),
  /** Names a user may type instead of the triple. */
  aliases: external_exports.array(external_exports.string()),
  /** Where a GitHub workflow builds it: the runner label, and a container image if the leg runs in one. */
  runner: external_exports.object({ label: external_exports.string(), container: external_exports.string().nullable() }),
  /** The toolchain on a machine of this triple (the runner above). */
  toolchain: ToolchainSchema,
  /** Toolchains that build it from machines of other triples. */
  cross: external_exports.array(CrossToolchainSchema),
  capabilities: external_exports.object({
    /** The binary can import extension modules from shared-library files. */
    canLoadSharedLibraries: external_exports.boolean(),
    /**
     * Whether it loads them from memory, without a file (the `in-memory` location):
     * `system-loader` (Linux gnu: a memfd the system's dlopen maps through /proc/self/fd),
     * `own-loader` (Windows: a loader of its own, used only when
     * --allow-in-memory-shared-library-loading allows it), or `none`.
     */
    inMemorySharedLibraries: external_exports.enum(["none", "system-loader", "own-loader"]),
    /** Every extension must be built in: the binary is fully static. */
    staticOnly: external_exports.boolean()
  }),
  /** Where pyseal's own tests build and run it: on this project's machines, or only in its GitHub workflow. */
  testedOn: external_exports.enum(["this-machine", "github-workflow"])
});
var TARGETS = [
  {
    triple: "x86_64-unknown-linux-gnu",
    os: "linux",
    arch: "x86_64",
    libc: "gnu",
    objectFormat: "elf",
    aliases: ["linux-x64", "linux-x86_64", "x86_64-linux-gnu"],
    runner: { label: "ubuntu-24.04", container: null },
    toolchain: gnuToolchain("x86_64", "", ["build-essential", "binutils", "patchelf"]),
    cross: [],
    capabilities: { canLoadSharedLibraries: true, inMemorySharedLibraries: "system-loader", staticOnly: false },
    testedOn: "this-machine"
  },
  {
    triple: "x86_64-unknown-linux-musl",
    os: "linux",
    arch: "x86_64",
    libc: "musl",
    objectFormat: "elf",
    aliases: ["linux-musl-x64", "linux-musl-x86_64", "x86_64-linux-musl"],
    runner: { label: "ubuntu-24.04", container: null },
    toolchain: muslToolchain("x86_64"),
    cross: [],
    capabilities: { canLoadSharedLibraries: false, inMemorySharedLibraries: "none", staticOnly: true },
    testedOn: "this-machine"
  },
  {
    triple: "aarch64-unknown-linux-gnu",
    os: "linux",
    arch: "aarch64",
    libc: "gnu",
    objectFormat: "elf",
    aliases: ["linux-arm64", "linux-aarch64", "aarch64-linux-gnu"],
    runner: { label: "ubuntu-24.04-arm", container: null },
    toolchain: gnuToolchain("aarch64", "", ["build-essential", "binutils", "patchelf"]),
    cross: [
      {
        host: "x86_64-unknown-linux-gnu",
        configureHost: "aarch64-linux-gnu",
        toolchain: gnuToolchain("aarch64", "aarch64-linux-gnu-", [
          "gcc-aarch64-linux-gnu",
          "g++-aarch64-linux-gnu",
          "binutils-aarch64-linux-gnu",
          "qemu-user"
        ]),
        emulator: ["qemu-aarch64", "-L", "/usr/aarch64-linux-gnu"]
      }
    ],
    capabilities: { canLoadSharedLibraries: true, inMemorySharedLibraries: "system-loader", staticOnly: false },
    testedOn: "this-machine"
  },
  {
    triple: "aarch64-unknown-linux-musl",
    os: "linux",
    arch: "aarch64",
    libc: "musl",
    objectFormat: "elf",
    aliases: ["linux-musl-arm64", "linux-musl-aarch64", "aarch64-linux-musl"],
    runner: { label: "ubuntu-24.04-arm", container: null },
    // zig on an aarch64 machine too: one toolchain for aarch64 musl wherever it is built.
    toolchain: zigMuslToolchain("aarch64", "", ["binutils"]),
    cross: [
      {
        host: "x86_64-unknown-linux-gnu",
        configureHost: "aarch64-linux-musl",
        toolchain: zigMuslToolchain("aarch64", "aarch64-linux-gnu-", ["binutils-aarch64-linux-gnu", "qemu-user"]),
        // Fully static: nothing for qemu to find in a sysroot.
        emulator: ["qemu-aarch64"]
      }
    ],
    capabilities: { canLoadSharedLibraries: false, inMemorySharedLibraries: "none", staticOnly: true },
    testedOn: "this-machine"
  },
  {
    triple: "x86_64-apple-darwin",
    os: "macos",
    arch: "x86_64",
    libc: "darwin",
    objectFormat: "mach-o",
    aliases: ["macos-x64", "macos-x86_64", "darwin-x64"],
    runner: { label: "macos-15-intel", container: null },
    toolchain: darwinToolchain("x86_64"),
    cross: [],
    capabilities: { canLoadSharedLibraries: true, inMemorySharedLibraries: "none", staticOnly: false },
    testedOn: "github-workflow"
  },
  {
    triple: "aarch64-apple-darwin",
    os: "macos",
    arch: "aarch64",
    libc: "darwin",
    objectFormat: "mach-o",
    aliases: ["macos-arm64", "macos-aarch64", "darwin-arm64"],
    runner: { label: "macos-15", container: null },
    toolchain: darwinToolchain("arm64"),
    cross: [],
    capabilities: { canLoadSharedLibraries: true, inMemorySharedLibraries: "none", staticOnly: false },
    testedOn: "github-workflow"
  },
  {
    triple: "x86_64-pc-windows-msvc",
    os: "windows",
    arch: "x86_64",
    libc: "msvc",
    objectFormat: "coff",
    aliases: ["windows-x64", "windows-x86_64", "win64"],
    runner: { label: "windows-2022", container: null },
    toolchain: {
      cc: "cl.exe",
      cxx: "cl.exe",
      cxxLinkFlags: [],
      zigCxxTarget: null,
      zigGlibcTarget: null,
      zigTarget: null,
      ar: "lib.exe",
      ld: "link.exe",
      objcopy: null,
      nm: "dumpbin.exe",
      linkFlags: ["/NOLOGO"],
      libraryDirs: null,
      systemLibraries: windowsParts,
      install: { kind: "msvc", arch: "x64" }
    },
    cross: [],
    capabilities: { canLoadSharedLibraries: true, inMemorySharedLibraries: "own-loader", staticOnly: false },
    testedOn: "github-workflow"
  }
].map((row) => TargetSchema.parse(row));
var UnknownTargetError = class extends UserError {
  constructor(values) {
    const valid = TARGETS.map((t) => `${t.triple} (${t.aliases.join(", ")})`).join("; ");
    const names = TARGETS.flatMap((t) => [t.triple, ...t.aliases]);
    const nearest2 = values.map((value) => didYouMean(value, names)).join("");
    const input = `target "${values.join(", ")}"`;
    const fix = `give one of ${valid}${nearest2}`;
    super({ input, cause: "is not a target pyseal knows", fix }, `Unknown ${input}. Valid targets: ${valid}.${nearest2}`);
    this.name = "UnknownTargetError";
  }
};
function findTarget(value) {
  const wanted = value.trim().toLowerCase();
  const target = TARGETS.find((t) => t.triple === wanted || t.aliases.includes(wanted));
  if (!target) throw new UnknownTargetError([value]);
  return target;
}
function hostTriple() {
  const arch = process.arch === "arm64" ? "aarch64" : "x86_64";
  if (process.platform === "linux") return `${arch}-unknown-linux-gnu`;
  if (process.platform === "darwin") return `${arch}-apple-darwin`;
  return `${arch}-pc-windows-msvc`;
}

// src/utils/package-name.ts
function normalizeName(name) {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

// src/inputs/options/action.ts
var ACTION_OPTIONS = {
  cache: {
    name: "cache",
    value: external_exports.enum(["auto", "true", "false"]),
    given: "text",
    surfaces: ["action"],
    default: { value: "auto", declared: true },
    summary: "`auto` (restore always; save on pushes to the default branch), `true` (save on every run) or `false` (no cache); tag pushes, releases, `pull_request_target` and `workflow_run` only restore"
  },
  cacheSuffix: {
    name: "cache-suffix",
    // The cache service refuses a key with a comma or over 512 characters: a suffix that makes one is bad input, not a warning.
    value: external_exports.string().max(200, "may be at most 200 characters long: the cache service refuses longer keys").regex(/^[^,\r\n]*$/, 'may not hold "," or line breaks: the cache service refuses such keys'),
    given: "text",
    surfaces: ["action"],
    default: { value: "" },
    summary: "appended to the cache keys, to keep different jobs apart (no commas or line breaks, at most 200 characters)"
  },
  upload: {
    name: "upload",
    value: external_exports.boolean(),
    given: "switch",
    surfaces: ["action"],
    default: { value: false, declared: true },
    summary: "upload the binary (with `lib/` if any), its `.sha256`, the report JSON and Markdown as an artifact"
  },
  artifactName: {
    name: "artifact-name",
    value: external_exports.string().regex(/^[^"<>|*?\r\n\\/:]+$/, 'may not hold " : < > | * ? / \\ or line breaks: choose a name without them').nullable(),
    given: "text",
    surfaces: ["action"],
    default: { text: "`pyseal-<name>-<target>`" },
    summary: "the artifact name"
  },
  workingDirectory: {
    name: "working-directory",
    value: external_exports.string(),
    given: "text",
    surfaces: ["action"],
    default: { text: "the workspace" },
    summary: "where relative paths in the other inputs start"
  },
  /** Declared for callers that pass it; pyseal does not read it (the cache and artifact clients use the runner's own token). */
  githubToken: {
    name: "github-token",
    given: "text",
    surfaces: ["action"],
    default: { value: "${{ github.token }}", text: "the job token", declared: true },
    summary: "token for the cache and artifact services"
  }
};

// src/inputs/issues.ts
var NAMES_BY_FIELD = Object.fromEntries(
  Object.entries({ ...BUILD_OPTIONS, ...ACTION_OPTIONS }).map(([field, option]) => [field, option.name])
);
function settingName(field) {
  const name = String(field ?? "");
  return NAMES_BY_FIELD[name] ?? name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
function describeIssue(issue, known = []) {
  const name = settingName(issue.path[0]);
  switch (issue.code) {
    case "invalid_enum_value":
      return `${name} must be one of ${issue.options.join(", ")}, not "${String(issue.received)}"`;
    case "invalid_type":
      return issue.received === "undefined" ? `${name} is required` : `${name} must be ${article(issue.expected)}, not ${article(issue.received)}`;
    case "invalid_union":
      return `${name} must be a string or a list of strings`;
    case "unrecognized_keys":
      return issue.keys.map((key) => `unknown setting "${key}".${didYouMean(key, known)} Known settings: ${known.join(", ")}`).join("; ");
    default:
      return `${name}${issue.path.length > 1 ? ` (${issue.path.slice(1).join(".")})` : ""}: ${issue.message}`;
  }
}
function article(type) {
  if (type === "array") return "a list";
  if (type === "object") return "a table";
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

// src/inputs/parse-values.ts
var import_node_fs9 = require("node:fs");
var import_node_path10 = __toESM(require("node:path"));

// src/distribution/pbs.ts
var import_node_fs7 = require("node:fs");
var import_promises6 = require("node:fs/promises");
var import_node_path8 = __toESM(require("node:path"));

// src/cache/hash.ts
var import_node_crypto = require("node:crypto");
var import_node_fs = require("node:fs");
function sha256File(file) {
  return new Promise((resolve, reject) => {
    const hash = (0, import_node_crypto.createHash)("sha256");
    (0, import_node_fs.createReadStream)(file).on("data", (chunk) => hash.update(chunk)).on("error", reject).on("end", () => resolve(hash.digest("hex")));
  });
}
function sha256Text(text) {
  return (0, import_node_crypto.createHash)("sha256").update(text).digest("hex");
}
function contentKey(description, length = 24) {
  return sha256Text(stableJson(description)).slice(0, length);
}
function stableJson(value) {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== void 0).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

// src/cache/cached-entry.ts
var import_node_fs4 = require("node:fs");
var import_promises3 = require("node:fs/promises");
var import_node_path4 = __toESM(require("node:path"));

// src/cache/entry-manifest.ts
var import_node_fs2 = require("node:fs");
var import_promises = require("node:fs/promises");
var import_node_path2 = __toESM(require("node:path"));
var ENTRY_MANIFEST = ".pyseal-entry.json";
async function listFiles(dir, base = dir) {
  const files = [];
  for (const entry of await (0, import_promises.readdir)(dir, { withFileTypes: true })) {
    const full = import_node_path2.default.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...await listFiles(full, base));
    else if (entry.isFile() && !entry.name.startsWith(ENTRY_MANIFEST)) files.push(import_node_path2.default.relative(base, full));
  }
  return files.sort();
}
async function writeEntryManifest(dir, madeBy = null) {
  const file = import_node_path2.default.join(dir, ENTRY_MANIFEST);
  if (!madeBy && (0, import_node_fs2.existsSync)(file)) return;
  const files = {};
  for (const name of await listFiles(dir)) files[name] = await sha256File(import_node_path2.default.join(dir, name));
  const manifest = { ...madeBy, files };
  const partial = `${file}.${process.pid}.partial`;
  try {
    await (0, import_promises.writeFile)(partial, JSON.stringify(manifest) + "\n");
    await (0, import_promises.rename)(partial, file);
  } finally {
    await (0, import_promises.rm)(partial, { force: true });
  }
}
async function readEntryManifest(dir) {
  const file = import_node_path2.default.join(dir, ENTRY_MANIFEST);
  if (!(0, import_node_fs2.existsSync)(file)) return null;
  try {
    const manifest = JSON.parse(await (0, import_promises.readFile)(file, "utf8"));
    return manifest && typeof manifest.files === "object" && manifest.files !== null ? manifest : "unreadable";
  } catch {
    return "unreadable";
  }
}
async function verifyEntry(dir, options = {}) {
  const manifest = await readEntryManifest(dir);
  if (manifest === null) return options.requireManifest ? "it has no manifest (an incomplete restore)" : null;
  if (manifest === "unreadable") return "its manifest is unreadable";
  const present = new Set(await listFiles(dir));
  for (const [file, sha] of Object.entries(manifest.files)) {
    if (!present.has(file)) return `${file} is missing`;
    if (options.hashes !== false && await sha256File(import_node_path2.default.join(dir, file)) !== sha) {
      return `${file} does not match its sha256`;
    }
  }
  return null;
}

// src/cache/lock.ts
var import_node_fs3 = require("node:fs");
var import_promises2 = require("node:fs/promises");
var import_node_path3 = __toESM(require("node:path"));
async function withCacheLock(lockDir, work, onWait) {
  await (0, import_promises2.mkdir)(import_node_path3.default.dirname(lockDir), { recursive: true });
  let waited = false;
  for (; ; ) {
    try {
      await (0, import_promises2.mkdir)(lockDir);
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      if (!ownerAlive(lockDir)) {
        await (0, import_promises2.rm)(lockDir, { recursive: true, force: true });
        continue;
      }
      if (!waited) onWait?.();
      waited = true;
      await new Promise((resolve) => setTimeout(resolve, 1e3));
    }
  }
  await (0, import_promises2.writeFile)(import_node_path3.default.join(lockDir, "pid.tmp"), String(process.pid));
  await (0, import_promises2.rename)(import_node_path3.default.join(lockDir, "pid.tmp"), import_node_path3.default.join(lockDir, "pid"));
  try {
    return await work();
  } finally {
    await (0, import_promises2.rm)(lockDir, { recursive: true, force: true });
  }
}
var PIDLESS_LOCK_SECONDS = 60;
function ownerAlive(lockDir) {
  let text;
  try {
    text = (0, import_node_fs3.readFileSync)(import_node_path3.default.join(lockDir, "pid"), "utf8");
  } catch {
    try {
      return (Date.now() - (0, import_node_fs3.statSync)(lockDir).mtimeMs) / 1e3 < PIDLESS_LOCK_SECONDS;
    } catch {
      return true;
    }
  }
  const pid = Number(text);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

// src/cache/cached-entry.ts
async function cachedEntry(request) {
  const { kind, root, log } = request;
  const what = request.describe ?? `${kind.noun} ${import_node_path4.default.basename(root)}`;
  const stale = (problem) => `  cached ${what} ${kind.plural ? "are" : "is"} ${problem}: building ${kind.plural ? "them" : "it"} again`;
  const first = await entryState(request);
  if (first.complete) {
    log(`  reused cached ${what}`);
    return { root, reused: true };
  }
  if (first.problem) log(stale(first.problem));
  let waited = false;
  return withCacheLock(
    `${root}.lock`,
    async () => {
      const now = await entryState(request);
      if (now.complete) {
        log(waited ? `  reused ${what}, which another pyseal process ${kind.made}` : `  reused cached ${what}`);
        return { root, reused: true };
      }
      if (now.problem && now.problem !== first.problem) log(stale(now.problem));
      await makeEntry(request, what, now.problem);
      return { root, reused: false };
    },
    () => {
      waited = true;
      log(`  waiting for another pyseal process building ${what}`);
    }
  );
}
async function entryState(request) {
  const { kind, root } = request;
  const manifest = await readEntryManifest(root);
  if (manifest === null || manifest === "unreadable" || manifest.kind === void 0) {
    const legacy = request.legacyComplete ? await request.legacyComplete(root) : kind.legacyMarker !== void 0 && (0, import_node_fs4.existsSync)(import_node_path4.default.join(root, kind.legacyMarker));
    if (!legacy)
      return { complete: false, problem: manifest === "unreadable" ? "damaged (its manifest is unreadable)" : null };
  } else if (manifest.recipeVersion !== kind.recipeVersion) {
    return { complete: false, problem: `from recipe ${manifest.recipeVersion}, not ${kind.recipeVersion}` };
  }
  const problem = await verifyEntry(root, { hashes: kind.check === "sha256" });
  return problem ? { complete: false, problem: `damaged (${problem})` } : { complete: true };
}
async function makeEntry(request, what, problem) {
  const { kind, root, log } = request;
  const work = `${root}.work`;
  const dir = request.buildInPlace ? root : `${root}.partial`;
  if ((0, import_node_fs4.existsSync)(work) || (0, import_node_fs4.existsSync)(`${root}.partial`) || request.buildInPlace && (0, import_node_fs4.existsSync)(root) && !problem) {
    log(`  clearing what an unfinished build of ${what} left`);
  }
  await (0, import_promises3.rm)(work, { recursive: true, force: true });
  await (0, import_promises3.rm)(dir, { recursive: true, force: true });
  await (0, import_promises3.mkdir)(dir, { recursive: true });
  const started = Date.now();
  try {
    await request.build(dir, work);
    await writeEntryManifest(dir, { kind: kind.name, recipeVersion: kind.recipeVersion });
    if (!request.buildInPlace) await moveIntoPlace(dir, request);
  } catch (error) {
    if (!request.buildInPlace) {
      await (0, import_promises3.rm)(dir, { recursive: true, force: true });
      await (0, import_promises3.rm)(work, { recursive: true, force: true });
    }
    throw error;
  }
  await (0, import_promises3.rm)(work, { recursive: true, force: true });
  log(`  ${kind.made} ${what} in ${((Date.now() - started) / 1e3).toFixed(1)}s`);
}
async function moveIntoPlace(dir, request) {
  const theirs = async () => (0, import_node_fs4.existsSync)(request.root) && (await entryState(request)).complete;
  if (await theirs()) {
    await (0, import_promises3.rm)(dir, { recursive: true, force: true });
    return;
  }
  await (0, import_promises3.rm)(request.root, { recursive: true, force: true });
  try {
    await (0, import_promises3.rename)(dir, request.root);
  } catch (error) {
    if (!await theirs()) throw error;
    await (0, import_promises3.rm)(dir, { recursive: true, force: true });
  }
}

// src/cache/entry-kinds.ts
var CPYTHON_BUILD = {
  name: "cpython",
  noun: "CPython",
  plural: false,
  made: "built",
  recipeVersion: 7,
  check: "files",
  legacyMarker: "PYTHON.json"
};
var PBS_DISTRIBUTION = {
  name: "pbs",
  noun: "python-build-standalone",
  plural: false,
  made: "unpacked",
  recipeVersion: 1,
  check: "files",
  legacyMarker: "python/PYTHON.json"
};
var PACKAGES = {
  name: "packages",
  noun: "packages",
  plural: true,
  made: "built",
  recipeVersion: 5,
  check: "sha256",
  legacyMarker: "build.json"
};
var DEPENDENCY_LAYER = { ...PACKAGES, name: "dependencies", noun: "dependencies" };
var STATIC_DEPS = {
  name: "static-deps",
  noun: "static libraries",
  plural: true,
  made: "built",
  recipeVersion: 2,
  check: "sha256",
  legacyMarker: "manifest.json"
};
var ZIG = {
  name: "zig",
  noun: "zig",
  plural: false,
  made: "installed",
  recipeVersion: 1,
  check: "files",
  legacyMarker: "ziglang/zig"
};
var KERNEL_HEADERS = {
  name: "kernel-headers",
  noun: "kernel headers",
  plural: true,
  made: "linked",
  recipeVersion: 1,
  check: "sha256",
  legacyMarker: "linux"
};
var DOWNLOAD = {
  name: "download",
  noun: "download",
  plural: false,
  made: "downloaded",
  recipeVersion: 1,
  check: "sha256"
};

// src/exec/run.ts
var import_toolrunner = __toESM(require_toolrunner());
var import_node_fs5 = require("node:fs");
var import_node_os2 = require("node:os");
var import_node_path5 = __toESM(require("node:path"));
var CommandFailedError = class extends Error {
  constructor(spec, result) {
    const tail = lastLines(result.stderr + result.stdout, 25);
    super(`${describeCommand(spec)} exited with ${result.code}
${tail}`);
    this.spec = spec;
    this.result = result;
    this.name = "CommandFailedError";
  }
  spec;
  result;
};
function lastLines(text, count) {
  return text.trimEnd().split("\n").slice(-count).join("\n");
}
var KILLED_BY_SIGNAL = 128;
async function runCommand(spec) {
  const out = [];
  const err = [];
  const options = {
    cwd: spec.cwd,
    env: spec.env && definedOnly(spec.env),
    // The toolkit would echo "[command]…" and the output to stdout; the stages log what they choose.
    silent: true,
    ignoreReturnCode: true,
    listeners: {
      stdout: (data) => {
        out.push(data);
        spec.onOutput?.(data.toString());
      },
      stderr: (data) => {
        err.push(data);
        spec.onOutput?.(data.toString());
      }
    }
  };
  const stdin = standardInput(spec.input);
  try {
    const runner = withStandardInput(new import_toolrunner.ToolRunner(lookUp(spec.command, spec.env), spec.args, options), stdin.fd);
    const code2 = await runner.exec();
    return {
      code: code2 ?? KILLED_BY_SIGNAL,
      stdout: Buffer.concat(out).toString(),
      stderr: Buffer.concat(err).toString()
    };
  } finally {
    stdin.close();
  }
}
async function runChecked(spec) {
  const result = await runCommand(spec);
  if (result.code !== 0) throw new CommandFailedError(spec, result);
  return result;
}
function describeCommand(spec) {
  const args = spec.args.length > 8 ? [...spec.args.slice(0, 4), `\u2026 ${spec.args.length - 6} more \u2026`, ...spec.args.slice(-2)] : spec.args;
  return [spec.command, ...args].join(" ");
}
function standardInput(input) {
  if (input === void 0) return { fd: "ignore", close: () => void 0 };
  const dir = (0, import_node_fs5.mkdtempSync)(import_node_path5.default.join((0, import_node_os2.tmpdir)(), "pyseal-stdin-"));
  const file = import_node_path5.default.join(dir, "input");
  (0, import_node_fs5.writeFileSync)(file, input, { mode: 384 });
  const fd = (0, import_node_fs5.openSync)(file, "r");
  return {
    fd,
    close: () => {
      (0, import_node_fs5.closeSync)(fd);
      (0, import_node_fs5.rmSync)(dir, { recursive: true, force: true });
    }
  };
}
function withStandardInput(runner, stdin) {
  const builder = runner;
  const toolkitOptions = builder._getSpawnOptions.bind(runner);
  builder._getSpawnOptions = (options, toolPath) => ({
    ...toolkitOptions(options, toolPath),
    stdio: [stdin, "pipe", "pipe"]
  });
  return runner;
}
function lookUp(command, env) {
  if (command.includes("/") || env === void 0 || env.PATH === process.env.PATH) return command;
  for (const dir of (env.PATH ?? "").split(import_node_path5.default.delimiter)) {
    const candidate = import_node_path5.default.resolve(dir, command);
    try {
      (0, import_node_fs5.accessSync)(candidate, import_node_fs5.constants.X_OK);
      if ((0, import_node_fs5.statSync)(candidate).isFile()) return candidate;
    } catch {
    }
  }
  return command;
}
function definedOnly(env) {
  return Object.fromEntries(Object.entries(env).filter((entry) => entry[1] !== void 0));
}

// src/cache/download.ts
var import_node_fs6 = require("node:fs");
var import_node_path6 = __toESM(require("node:path"));
var import_node_stream = require("node:stream");
var import_promises4 = require("node:stream/promises");
var DownloadError = class extends UserError {
  constructor(file, detail) {
    super(
      { input: file, cause: detail, fix: "check the address, its sha256 and the network, then retry" },
      `Downloading ${file} failed: ${detail}. Nothing from it was used.`
    );
    this.file = file;
    this.name = "DownloadError";
  }
  file;
};
async function downloadVerified(request) {
  const { dest, sha256, log } = request;
  const name = import_node_path6.default.basename(dest);
  await cachedEntry({
    kind: DOWNLOAD,
    root: import_node_path6.default.dirname(dest),
    describe: name,
    // Before manifests, a download was complete once its file was there with the expected sha256.
    legacyComplete: async (root) => (0, import_node_fs6.existsSync)(import_node_path6.default.join(root, name)) && (sha256 === null || await sha256File(import_node_path6.default.join(root, name)) === sha256),
    build: (dir) => fetchVerified(request, import_node_path6.default.join(dir, name)),
    log
  });
  return { file: dest, sha256: sha256 ?? await sha256File(dest) };
}
async function fetchVerified(request, file) {
  const { url, sha256 } = request;
  const name = import_node_path6.default.basename(file);
  request.log(`  downloading ${url}`);
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new DownloadError(name, `${url} could not be fetched (${describeFetchError(error)})`);
  }
  if (!response.ok || !response.body) throw new DownloadError(name, `${url} answered HTTP ${response.status}`);
  const announced = Number(response.headers.get("content-length") ?? NaN);
  let received = 0;
  try {
    const body = import_node_stream.Readable.fromWeb(response.body);
    body.on("data", (chunk) => {
      received += chunk.length;
    });
    await (0, import_promises4.pipeline)(body, (0, import_node_fs6.createWriteStream)(file));
  } catch (error) {
    throw new DownloadError(
      name,
      `the connection ended after ${received}${Number.isNaN(announced) ? "" : ` of ${announced}`} bytes (${describeFetchError(error)})`
    );
  }
  if (!Number.isNaN(announced) && received !== announced) {
    throw new DownloadError(name, `the body was truncated (${received} of ${announced} bytes)`);
  }
  const actual = await sha256File(file);
  if (sha256 !== null && actual !== sha256.toLowerCase()) {
    throw new DownloadError(name, `its sha256 is ${actual}, not the expected ${sha256}`);
  }
}
function describeFetchError(error) {
  const cause = error.cause;
  return cause?.message ?? error.message ?? String(error);
}

// src/distribution/pbs-manifest.json
var pbs_manifest_default = {
  comment: "python-build-standalone full archives pyseal knows, with the sha256 of each release's SHA256SUMS. Regenerate with: npm run update-pbs-manifest",
  assetUrlPrefix: "https://github.com/astral-sh/python-build-standalone/releases/download",
  archives: [
    {
      python: "3.13.2",
      release: "20250317",
      triple: "x86_64-unknown-linux-gnu",
      variant: "pgo+lto",
      sha256: "785312cb9cdf32d355711067c0c5eebbe9c64422881b3e7bd28dc89c9fe13c2e"
    },
    {
      python: "3.13.2",
      release: "20250317",
      triple: "aarch64-unknown-linux-gnu",
      variant: "lto",
      sha256: "caf3b90db6f9738a7e1b4de4c2f7e7b80b5b8198306eaeb4a60f2602697daafb"
    },
    {
      python: "3.13.2",
      release: "20250317",
      triple: "x86_64-apple-darwin",
      variant: "pgo+lto",
      sha256: "b9cb3146f59fdd25025500f5df4b6910742aee44856a99f82e612db97f08dcaf"
    },
    {
      python: "3.13.2",
      release: "20250317",
      triple: "aarch64-apple-darwin",
      variant: "pgo+lto",
      sha256: "4b38e0badf5fadd5866be5aebc00e9f9b1de26d60164c4c2cc4b8c0f8edb8ece"
    },
    {
      python: "3.12.3",
      release: "20240415",
      triple: "x86_64-unknown-linux-gnu",
      variant: "pgo+lto",
      sha256: "e51f6676a24c3551657347ef97963164eac801df0a62afcba8e0e28ebb62acee"
    },
    {
      python: "3.12.3",
      release: "20240415",
      triple: "aarch64-unknown-linux-gnu",
      variant: "lto",
      sha256: "a4f17d1e3b4ea0e4c2a3664f232c0857979522936af582f7de92b57050220f74"
    },
    {
      python: "3.12.3",
      release: "20240415",
      triple: "x86_64-apple-darwin",
      variant: "pgo+lto",
      sha256: "e49da3f702da08a3e38d01c776cc2356e427217681964ff64a7880507e224a3c"
    },
    {
      python: "3.12.3",
      release: "20240415",
      triple: "aarch64-apple-darwin",
      variant: "pgo+lto",
      sha256: "fa2b8c377f17dfb097a93c0fba217d93075a7ceba0cc877066e95be969e6b73d"
    },
    {
      python: "3.11.9",
      release: "20240415",
      triple: "x86_64-unknown-linux-gnu",
      variant: "pgo+lto",
      sha256: "1c5038da28a4379c065db85116594524010f30e653307c53bb9694e4e710d2c7"
    },
    {
      python: "3.11.9",
      release: "20240415",
      triple: "aarch64-unknown-linux-gnu",
      variant: "lto",
      sha256: "c9f5e493c686ed8a5c38d1748c45fed18dc9b6faa70794d9cc9bb32489cc0b77"
    },
    {
      python: "3.11.9",
      release: "20240415",
      triple: "x86_64-apple-darwin",
      variant: "pgo+lto",
      sha256: "b1b156ceed6bc53c3c8816b3b5c3983d2c7070a8a42558b9c6dd730faec164e2"
    },
    {
      python: "3.11.9",
      release: "20240415",
      triple: "aarch64-apple-darwin",
      variant: "pgo+lto",
      sha256: "9a59eb9e8e509e742a25cada7b2c1123a56022081d91a8fbe48015cf495b0d0f"
    }
  ]
};

// src/distribution/python-json.ts
var import_promises5 = require("node:fs/promises");
var import_node_path7 = __toESM(require("node:path"));
var LinkEntrySchema = external_exports.object({
  name: external_exports.string(),
  system: external_exports.boolean().optional(),
  framework: external_exports.boolean().optional(),
  path_static: external_exports.string().nullish(),
  path_dynamic: external_exports.string().nullish()
});
var ExtensionVariantSchema = external_exports.object({
  in_core: external_exports.boolean(),
  /** `NULL` (as a string) for modules the runtime sets up itself, such as `sys`. */
  init_fn: external_exports.string().nullable(),
  objs: external_exports.array(external_exports.string()),
  links: external_exports.array(LinkEntrySchema),
  required: external_exports.boolean(),
  variant: external_exports.string(),
  shared_lib: external_exports.string().nullish(),
  static_lib: external_exports.string().nullish(),
  licenses: external_exports.array(external_exports.string()).nullish()
}).passthrough();
var NotBuiltSchema = external_exports.object({ module: external_exports.string(), cause: external_exports.string() });
var PysealDistributionInfoSchema = external_exports.object({
  /** sha256 of the CPython source tarball this was built from. */
  source_sha256: external_exports.string(),
  /** The cache key the distribution is stored under. */
  key: external_exports.string(),
  not_built: external_exports.array(NotBuiltSchema),
  /** Stdlib extension modules that exist only for CPython's own tests. */
  test_extensions: external_exports.array(external_exports.string()),
  /** Header directory for compiling the launcher and inittab. */
  include_dir: external_exports.string()
});
var PythonJsonSchema = external_exports.object({
  version: external_exports.string(),
  target_triple: external_exports.string(),
  python_version: external_exports.string(),
  python_major_minor_version: external_exports.string(),
  python_exe: external_exports.string(),
  python_paths: external_exports.object({ stdlib: external_exports.string(), include: external_exports.string() }).passthrough(),
  python_extension_module_loading: external_exports.array(external_exports.string()),
  python_stdlib_test_packages: external_exports.array(external_exports.string()).default([]),
  libpython_link_mode: external_exports.string().optional(),
  build_info: external_exports.object({
    core: external_exports.object({ objs: external_exports.array(external_exports.string()), links: external_exports.array(LinkEntrySchema) }),
    extensions: external_exports.record(external_exports.array(ExtensionVariantSchema)),
    inittab_object: external_exports.string().nullish(),
    inittab_source: external_exports.string().nullish(),
    inittab_cflags: external_exports.array(external_exports.string()).default([]),
    object_file_format: external_exports.string().optional()
  }),
  pyseal: PysealDistributionInfoSchema.optional()
}).passthrough();
var DistributionFormatError = class extends UserError {
  constructor(file, detail) {
    const fix = 'Point --python-distribution at a CPython source tarball or a python-build-standalone "full" archive.';
    super(
      { input: file, cause: `is not a usable PYTHON.json (${detail})`, fix },
      `${file} is not a usable PYTHON.json: ${detail}. ${fix}`
    );
    this.name = "DistributionFormatError";
  }
};
async function readDistribution(root) {
  const file = import_node_path7.default.join(root, "PYTHON.json");
  let raw;
  try {
    raw = JSON.parse(await (0, import_promises5.readFile)(file, "utf8"));
  } catch (error) {
    throw new DistributionFormatError(file, error.message);
  }
  return parseDistribution(root, raw, file);
}
function parseDistribution(root, raw, file = "PYTHON.json") {
  const parsed = PythonJsonSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new DistributionFormatError(file, issues.slice(0, 5).join("; "));
  }
  if (!["7", "8"].includes(parsed.data.version) && !parsed.data.pyseal) {
    throw new DistributionFormatError(file, `format version ${parsed.data.version} is not one of 7, 8`);
  }
  const format = (parsed.data.build_info.object_file_format ?? "elf").replace(/%/g, "");
  return { root, json: parsed.data, objectFileFormat: format };
}
function pythonAbi(json) {
  const [major, minor] = json.python_major_minor_version.split(".");
  const flags = /python\d+\.\d+([a-z]*)$/.exec(json.python_paths.include)?.[1] ?? "";
  return { tag: `cp${major}${minor}${flags.includes("t") ? "t" : ""}`, freeThreaded: flags.includes("t") };
}

// src/distribution/pbs.ts
var PbsArchiveSchema = external_exports.object({
  python: external_exports.string().regex(/^\d+\.\d+\.\d+$/),
  release: external_exports.string().regex(/^\d{8}$/),
  triple: external_exports.string(),
  variant: external_exports.string(),
  sha256: external_exports.string().regex(/^[0-9a-f]{64}$/)
});
var PbsManifestSchema = external_exports.object({
  comment: external_exports.string().optional(),
  assetUrlPrefix: external_exports.string().url(),
  archives: external_exports.array(PbsArchiveSchema)
});
var PbsError = class extends UserError {
  constructor(parts2, message) {
    super(parts2, message);
    this.name = "PbsError";
  }
};
async function loadPbsManifest(env = process.env) {
  const file = env.PYSEAL_PBS_MANIFEST;
  const raw = file ? JSON.parse(await (0, import_promises6.readFile)(file, "utf8")) : pbs_manifest_default;
  const parsed = PbsManifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new PbsError({
      input: file ?? "the bundled python-build-standalone manifest",
      cause: `is not valid (${parsed.error.message})`,
      fix: "write it with npm run update-pbs-manifest"
    });
  }
  return parsed.data;
}
function archiveName(archive) {
  return `cpython-${archive.python}+${archive.release}-${archive.triple}-${archive.variant}-full.tar.zst`;
}
function archiveUrl(manifest, archive, env = process.env) {
  const prefix = (env.PYSEAL_PBS_MIRROR ?? manifest.assetUrlPrefix).replace(/\/+$/, "");
  return `${prefix}/${archive.release}/${archiveName(archive)}`;
}
function parsePbsRequest(value) {
  const match = /^pbs:(\d+\.\d+(?:\.\d+)?)(?:\+(\d{8}))?(?::([a-z0-9+_-]+))?$/.exec(value.trim());
  if (!match) {
    throw new PbsError({
      input: `--python-distribution "${value}"`,
      cause: "is not a python-build-standalone request",
      fix: "write pbs:3.11, pbs:3.11.9, pbs:3.11.9+20240415 or any of them with :VARIANT (pbs:3.11:noopt)"
    });
  }
  return { python: match[1], release: match[2] ?? null, variant: match[3] ?? null };
}
function resolvePbsArchive(manifest, request, triple) {
  const forTriple = manifest.archives.filter((a) => a.triple === triple);
  const matches = forTriple.filter(
    (a) => (a.python === request.python || a.python.startsWith(`${request.python}.`)) && (request.release === null || a.release === request.release) && (request.variant === null || a.variant === request.variant)
  );
  if (matches.length === 0) {
    const known = forTriple.map((a) => `${a.python}+${a.release}:${a.variant}`);
    const wanted = `Python ${request.python}${request.release ? `+${request.release}` : ""}${request.variant ? ` (${request.variant})` : ""}`;
    const fix = "Run npm run update-pbs-manifest, or pass --python-distribution the archive URL with #sha256=HEX.";
    throw new PbsError(
      { input: `${wanted} on ${triple}`, cause: "has no python-build-standalone full archive in the manifest", fix },
      `No python-build-standalone full archive for ${wanted} on ${triple} is in the manifest. ${known.length > 0 ? `Known for ${triple}: ${known.join(", ")}.` : `None is known for ${triple}.`} ${fix}`
    );
  }
  return [...matches].sort(compareArchives).at(-1);
}
function compareArchives(a, b) {
  const version = (v) => v.split(".").map(Number);
  const [x, y] = [version(a.python), version(b.python)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return a.release.localeCompare(b.release);
}
function isPbsValue(value) {
  return value.startsWith("pbs:") || /-full\.tar\.zst(#sha256=[0-9a-fA-F]{64})?$/.test(value);
}
async function obtainPbsDistribution(value, target, cacheRoot, log) {
  const { file, sha256, downloaded } = await locateArchive(value, target, cacheRoot, log);
  const entry = await cachedEntry({
    kind: PBS_DISTRIBUTION,
    root: import_node_path8.default.join(cacheRoot, "python", `pbs-${sha256.slice(0, 24)}`),
    describe: `python-build-standalone ${import_node_path8.default.basename(file)}`,
    build: (dir) => unpack(file, dir, log),
    log
  });
  const distribution = await readDistribution(import_node_path8.default.join(entry.root, "python"));
  if (distribution.json.target_triple !== target.triple) {
    throw new PbsError({
      input: import_node_path8.default.basename(file),
      cause: `is a distribution for ${distribution.json.target_triple}, not ${target.triple}`,
      fix: `choose the archive built for ${target.triple}`
    });
  }
  return { distribution, reused: entry.reused && !downloaded, source: import_node_path8.default.basename(file), sha256 };
}
async function locateArchive(value, target, cacheRoot, log) {
  const downloads = process.env.RUNNER_TOOL_CACHE ? import_node_path8.default.join(process.env.RUNNER_TOOL_CACHE, "pyseal-pbs") : import_node_path8.default.join(cacheRoot, "downloads", "pbs");
  if (value.startsWith("pbs:")) {
    const manifest = await loadPbsManifest();
    const archive = resolvePbsArchive(manifest, parsePbsRequest(value), target.triple);
    return fetchArchive(archiveUrl(manifest, archive), archive.sha256, downloads, log);
  }
  if (/^https?:\/\//.test(value)) {
    const url = new URL(value);
    const fragment = /^#sha256=([0-9a-fA-F]{64})$/.exec(url.hash);
    url.hash = "";
    const name = import_node_path8.default.basename(url.pathname);
    const known = (await loadPbsManifest()).archives.find((a) => archiveName(a) === name);
    const sha256 = fragment?.[1].toLowerCase() ?? known?.sha256;
    if (!sha256) {
      throw new PbsError({
        input: name,
        cause: "is not in pyseal's manifest of known archives, so its sha256 is unknown",
        fix: `pass it as ${url.toString()}#sha256=HEX (the value from the release's SHA256SUMS)`
      });
    }
    return fetchArchive(url.toString(), sha256, downloads, log);
  }
  if (!(0, import_node_fs7.existsSync)(value)) {
    const fix = "give the path of a python-build-standalone -full.tar.zst archive, or pbs:3.11";
    throw new PbsError({ input: value, cause: "does not exist", fix });
  }
  return { file: import_node_path8.default.resolve(value), sha256: await sha256File(value), downloaded: false };
}
async function fetchArchive(url, sha256, dir, log) {
  const dest = import_node_path8.default.join(dir, sha256.slice(0, 16), import_node_path8.default.basename(new URL(url).pathname));
  const downloaded = !(0, import_node_fs7.existsSync)(dest);
  const result = await downloadVerified({ url, dest, sha256, log });
  return { ...result, downloaded };
}
async function unpack(file, dir, log) {
  log(`  unpacking ${import_node_path8.default.basename(file)}`);
  const result = await runCommand({ command: "tar", args: ["--zstd", "-xf", file, "-C", dir] });
  if (result.code !== 0) {
    throw new PbsError({
      input: import_node_path8.default.basename(file),
      cause: `could not be unpacked (tar --zstd: ${lastLines(result.stderr, 3)})`,
      fix: "install zstd, or check that the file is a python-build-standalone .tar.zst archive"
    });
  }
  if (!(0, import_node_fs7.existsSync)(import_node_path8.default.join(dir, "python", "PYTHON.json"))) {
    const top = await (0, import_promises6.readdir)(dir);
    throw new PbsError({
      input: import_node_path8.default.basename(file),
      cause: `has no python/PYTHON.json (it holds ${top.join(", ") || "nothing"})`,
      fix: 'give a "full" archive: only those carry the objects pyseal links; install_only archives do not'
    });
  }
}

// src/inputs/pyproject.ts
var import_node_fs8 = require("node:fs");
var import_promises7 = require("node:fs/promises");
var import_node_path9 = __toESM(require("node:path"));

// node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string, ptr) {
  let lines = string.slice(0, ptr).split(/\r?\n/);
  return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
  let lines = string.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i = line - 1; i <= line + 1; i++) {
    let l = lines[i - 1];
    if (!l)
      continue;
    codeblock += i.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
var TomlError = class _TomlError extends Error {
  line;
  column;
  codeblock;
  constructor(message, options) {
    const [line, column] = getLineColFromPtr(options.toml, options.ptr);
    const codeblock = makeCodeBlock(options.toml, line, column);
    super(`Invalid TOML document: ${message}

${codeblock}`, options);
    this.line = line;
    this.column = column;
    this.codeblock = codeblock;
  }
  /** @internal */
  static x(message, ctx, ptr) {
    throw new _TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
  }
};

// node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p++);
  let first = c;
  let isLiteral = c === 39;
  let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed = parsed ? parsed + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed;
    } else if (!state) {
      if (!isLiteral && c === 92) {
        parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c === 120 || c === 117 || c === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c === 120 ? 2 : c === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex >= 48 && hex <= 57 ? hex - 48 : (
              /* A-F */
              hex >= 65 && hex <= 70 ? hex - 65 + 10 : (
                /* a-f */
                hex >= 97 && hex <= 102 ? hex - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c === 32 || c === 9)) {
        state = 2;
      } else {
        if (c === 98)
          parsed += "\b";
        else if (c === 116)
          parsed += "	";
        else if (c === 110)
          parsed += "\n";
        else if (c === 102)
          parsed += "\f";
        else if (c === 114)
          parsed += "\r";
        else if (c === 101)
          parsed += "\x1B";
        else if (c === 34)
          parsed += '"';
        else if (c === 92)
          parsed += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c !== 32 && c !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}

// node_modules/smol-toml/dist/date.js
var DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
var TomlDate = class _TomlDate extends Date {
  #hasDate = false;
  #hasTime = false;
  #offset = null;
  constructor(date, fasttype, unsafeDelim) {
    let hasDate = true;
    let hasTime = true;
    let offset = "Z";
    let c;
    if (typeof date === "string") {
      if (fasttype)
        prep: {
          if (fasttype < 3) {
            if (+date.slice(11, 13) > 23) {
              date = "";
              break prep;
            }
            if (fasttype === 2) {
              offset = null;
              date += "Z";
            } else if ((c = date.charCodeAt(date.length - 1)) !== 90 && c !== 122) {
              offset = date.slice(date.length - 6);
            }
            if (unsafeDelim)
              date = date.slice(0, 10) + "T" + date.slice(11);
          } else if (fasttype === 4) {
            date = +date.slice(0, 2) > 23 ? "" : `0000-01-01T${date}Z`;
          }
          hasDate = fasttype !== 4;
          hasTime = fasttype !== 3;
        }
      else {
        let match = date.match(DATE_TIME_RE);
        if (match) {
          if (!match[1]) {
            hasDate = false;
            date = `0000-01-01T${date}`;
          }
          hasTime = !!match[2];
          hasTime && date[10] === " " && (date = date.replace(" ", "T"));
          if (match[2] && +match[2] > 23) {
            date = "";
          } else {
            offset = match[3] || null;
            if (!offset && hasTime)
              date += "Z";
          }
        } else {
          date = "";
        }
      }
    }
    super(date);
    if (!isNaN(this.getTime())) {
      this.#hasDate = hasDate;
      this.#hasTime = hasTime;
      this.#offset = offset;
    }
  }
  isDateTime() {
    return this.#hasDate && this.#hasTime;
  }
  isLocal() {
    return !this.#hasDate || !this.#hasTime || !this.#offset;
  }
  isDate() {
    return this.#hasDate && !this.#hasTime;
  }
  isTime() {
    return this.#hasTime && !this.#hasDate;
  }
  isValid() {
    return this.#hasDate || this.#hasTime;
  }
  toISOString() {
    let iso = super.toISOString();
    if (this.isDate())
      return iso.slice(0, 10);
    if (this.isTime())
      return iso.slice(11, 23);
    if (this.#offset === null)
      return iso.slice(0, -1);
    if (this.#offset === "Z" || this.#offset === "z")
      return iso;
    let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
    offset = this.#offset[0] === "-" ? offset : -offset;
    let offsetDate = new Date(this.getTime() - offset * 6e4);
    return offsetDate.toISOString().slice(0, -1) + this.#offset;
  }
  static wrapAsOffsetDateTime(jsDate, offset = "Z") {
    let date = new _TomlDate(jsDate);
    date.#offset = offset;
    return date;
  }
  static wrapAsLocalDateTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#offset = null;
    return date;
  }
  static wrapAsLocalDate(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasTime = false;
    date.#offset = null;
    return date;
  }
  static wrapAsLocalTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasDate = false;
    date.#offset = null;
    return date;
  }
};

// node_modules/smol-toml/dist/extract.js
function isDigit(char, base = 10) {
  return base === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base;
}
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
function extractValue(ctx, end) {
  let errPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p);
  if (c === 91 || c === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c === 34 || c === 39) {
    return parseString(ctx);
  }
  if (c === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c === 43 || c === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c, end);
  }
  return parseNumber(ctx, ctx.p, c, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
  let c = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign || 1) / 0;
  }
  if (c === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign) {
      if (c === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c === 46)
      state = 2;
    else if (c === 101 || c === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit(c))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (!state)
      state = 1;
    if (c === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c === 101 || c === 69))
      state = 4;
    else if (state === 4 && (c === 43 || c === 45)) {
      state = 6;
    } else if (!isDigit(c))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str = str.replaceAll("_", "");
  return state > 1 ? parseFloat(str) : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
  let c, underscore = 1;
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (c === 95) {
      if (underscore & 1)
        TomlError.x("illegal underscore", ctx);
      underscore = 3;
    } else if (!isDigit(c, base))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore & 1)
      underscore--;
  }
  if (underscore & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str = str.replaceAll("_", "");
  return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str, base);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base === 10 ? BigInt(str) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str);
}
function parseDate(ctx, c, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 84 && c !== 116) {
    let t2 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t2, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c = ctx.s.charCodeAt(ctx.p)) {
    if (c === 90 || c === 122) {
      let t2 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c === 43 || c === 45) {
      let t2 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
  let start = ctx.p;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t = ctx.s.slice(start, ctx.p);
  return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date = new TomlDate(str, type, unsafeDelim);
    if (!date.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date;
  }
  try {
    if (temporalSuffix)
      str += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str);
      case 2:
        return Temporal.PlainDateTime.from(str);
      case 3:
        return Temporal.PlainDate.from(str);
      case 4:
        return Temporal.PlainTime.from(str);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}

// node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c = ctx.s.charCodeAt(ctx.p);
    if (c === 10)
      break;
    if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
function skipVoid(ctx, banNewLines, banComments) {
  let c;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 32 || c === 9 || !banNewLines && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c !== 35)
      break;
    skipComment(ctx);
  }
}

// node_modules/smol-toml/dist/struct.js
function parseKey(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed = [];
  let sliceStart;
  let c = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed;
    } else if (c === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c === 34 || c === 39)) {
      if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c === 32 || c === 9) {
      if (state === 1) {
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c < 48 && c !== 45 || c > 57 && c < 65 || c > 90 && c < 97 && c !== 95 || c > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t = res;
    let hasOwn = false;
    let errPtr = ctx.p;
    let key = parseKey(ctx);
    for (let i = 0; i < key.length; i++) {
      if (i)
        t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key[i];
      if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn && unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}

// node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key, table, meta, type) {
  let t = table;
  let m = meta;
  let k;
  let hasOwn = false;
  let state;
  for (let i = 0; i < key.length; i++) {
    if (i) {
      t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t.length - 1;
        t = t[l];
        m = m[l].c;
      }
    }
    k = key[i];
    if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i < key.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t[k] = [];
    }
    t[k].push(t = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn) {
    return null;
  }
  return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray;
      skipping = false;
      let k = parseKey(
        ctx,
        93
        /* ] */
      );
      if (isTableArray) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta,
        isTableArray ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}

// node_modules/smol-toml/dist/stringify.js
var HAS_WELLFORMED = !!"".isWellFormed;

// src/inputs/options/spec.ts
function optionsOn(options, surface) {
  return Object.values(options).filter((option) => option.surfaces.includes(surface));
}
function valueSchema(options) {
  const shape = {};
  for (const [field, option] of Object.entries(options)) if (option.value) shape[field] = option.value;
  return external_exports.object(shape);
}
var RAW_SCHEMAS = {
  text: external_exports.string(),
  list: external_exports.union([external_exports.string(), external_exports.array(external_exports.string())]),
  repeated: external_exports.union([external_exports.string(), external_exports.array(external_exports.string())]),
  switch: external_exports.union([external_exports.boolean(), external_exports.string()])
};
function rawSchema(options, surface) {
  const shape = Object.fromEntries(
    optionsOn(options, surface).map((option) => [
      option.name,
      option.arrayOnly ? external_exports.array(external_exports.string()) : RAW_SCHEMAS[option.given]
    ])
  );
  return external_exports.object(shape).partial().strict();
}
function defaultText(option) {
  const value = option.default?.value;
  if (option.default?.text) return option.default.text;
  if (value === void 0 || value === "") return null;
  return `\`${Array.isArray(value) ? value.join(",") : String(value)}\``;
}
function plainText(markdown) {
  return markdown.replace(/`([^`]*)`/g, (_, code2) => /^[a-z][a-z0-9+-]*$/.test(code2) ? `"${code2}"` : code2).replace(/\*([^*]+)\*/g, "$1");
}
function plainDefault(option) {
  const text = defaultText(option);
  if (text === null) return null;
  return option.default?.text ? plainText(text) : text.replace(/`/g, "");
}
function withRepeatNote(option, text, note) {
  if (option.given !== "repeated") return text;
  const clause = text.indexOf("; ");
  return clause < 0 ? `${text}${note}` : `${text.slice(0, clause)}${note}${text.slice(clause)}`;
}

// src/inputs/schema.ts
var BuildInputsSchema = valueSchema(BUILD_OPTIONS);
var RawInputsSchema = rawSchema(BUILD_OPTIONS, "pyproject");
var InputError = class extends UserError {
  constructor(problems) {
    super(
      { input: "the build inputs", cause: problems.join("; "), fix: "correct each as its problem says" },
      `pyseal cannot start: ${problems.length === 1 ? problems[0] : "\n  - " + problems.join("\n  - ")}`
    );
    this.problems = problems;
    this.name = "InputError";
  }
  problems;
};

// src/inputs/pyproject.ts
var SETTING_NAMES = optionsOn(BUILD_OPTIONS, "pyproject").map((option) => option.name);
async function readUtf8(file) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(await (0, import_promises7.readFile)(file));
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
}
async function readProjectMetadata(projectDir) {
  const file = import_node_path9.default.join(projectDir, "pyproject.toml");
  const empty = { name: null, scripts: {}, settings: {}, problems: [] };
  if (!(0, import_node_fs8.existsSync)(file)) return empty;
  const text = await readUtf8(file);
  if (text === null) {
    return { ...empty, problems: [`${file} is not UTF-8 text: save it as UTF-8 (TOML allows nothing else)`] };
  }
  let doc;
  try {
    doc = parse(text);
  } catch (error) {
    const detail = error.message.split("\n")[0];
    return { ...empty, problems: [`${file} is not valid TOML (${detail}): fix the syntax at that line`] };
  }
  const project = doc.project ?? {};
  const tool = (doc.tool ?? {}).pyseal ?? {};
  const problems = [];
  if (typeof tool !== "object" || Array.isArray(tool)) {
    problems.push(`[tool.pyseal] in ${file} must be a table of settings, not ${typeof tool}`);
  }
  const parsed = RawInputsSchema.safeParse(problems.length > 0 ? {} : tool);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((i) => `[tool.pyseal] in ${file}: ${describeIssue(i, SETTING_NAMES)}`));
  }
  const scripts = {};
  for (const [command, target] of Object.entries(project.scripts ?? {})) {
    if (typeof target === "string") scripts[command] = target;
    else problems.push(`[project.scripts] ${command} in ${file} must be a string like "pkg.module:function"`);
  }
  return {
    name: typeof project.name === "string" ? project.name : null,
    scripts,
    settings: parsed.success ? parsed.data : {},
    problems
  };
}

// src/distribution/cpython-releases.ts
var import_promises8 = require("node:fs/promises");

// src/distribution/cpython-releases.json
var cpython_releases_default = {
  comment: "CPython source releases pyseal builds by --python-version: each with the places its source can be fetched from (a whole URL, or a path on a mirror the machine's settings name: `debian` is a Debian archive, `go-proxy` a Go module proxy) and the sha256 it must have. `defaults` picks the release a bare X.Y means. A pre-release (`3.15.0rc2`) is never a default: it is taken when named exactly, or for a bare X.Y with allow-prereleases when X.Y has no final release here.",
  defaults: {
    "3.11": "3.11.2",
    "3.12": "3.12.14",
    "3.13": "3.13.5",
    "3.14": "3.14.7"
  },
  releases: [
    {
      version: "3.11.2",
      sources: [
        {
          mirror: "debian",
          path: "pool/main/p/python3.11/python3.11_3.11.2.orig.tar.gz",
          sha256: "2411c74bda5bbcfcddaf4531f66d1adc73f247f529aee981b029513aefdbf849",
          from: "Debian 12 (bookworm), source package python3.11 (its upstream tarball, checked against the signed index)"
        },
        {
          url: "https://www.python.org/ftp/python/3.11.2/Python-3.11.2.tgz",
          sha256: "2411c74bda5bbcfcddaf4531f66d1adc73f247f529aee981b029513aefdbf849",
          from: "python.org, the same file"
        }
      ]
    },
    {
      version: "3.12.14",
      sources: [
        {
          mirror: "go-proxy",
          path: "github.com/python/cpython/@v/v3.12.14+incompatible.zip",
          sha256: "1eb4c63c935290583758ea4a4d46e07bba6f192a8569f34854149b5c9da68b9d",
          from: "the v3.12.14 tag of CPython's repository, as the Go module proxy serves it (Debian has no 3.12)"
        }
      ]
    },
    {
      version: "3.13.5",
      sources: [
        {
          mirror: "debian",
          path: "pool/main/p/python3.13/python3.13_3.13.5.orig.tar.xz",
          sha256: "93e583f243454e6e9e4588ca2c2662206ad961659863277afcdb96801647d640",
          from: "Debian 13 (trixie), source package python3.13 (upstream's Python-3.13.5.tar.xz, signature shipped beside it)"
        },
        {
          url: "https://www.python.org/ftp/python/3.13.5/Python-3.13.5.tar.xz",
          sha256: "93e583f243454e6e9e4588ca2c2662206ad961659863277afcdb96801647d640",
          from: "python.org, the same file"
        }
      ]
    },
    {
      version: "3.14.7",
      sources: [
        {
          mirror: "go-proxy",
          path: "github.com/python/cpython/@v/v3.14.7+incompatible.zip",
          sha256: "e79b1270b4b62593f6686c8db8edd384b4a9b14e5824a8c9fce0a95656dd6321",
          from: "the v3.14.7 tag of CPython's repository, as the Go module proxy serves it (Debian's 3.14 sources have left the archive)"
        },
        {
          url: "https://www.python.org/ftp/python/3.14.7/Python-3.14.7.tar.xz",
          sha256: "3b48dac8fb59f62eaa67ac83c1eb12bda1b7a08406dd286e252c11a66be27f81",
          from: "CPython's release tarball (for machines with no Go module proxy)"
        }
      ]
    },
    {
      version: "3.15.0rc2",
      sources: [
        {
          mirror: "debian",
          path: "pool/main/p/python3.15/python3.15_3.15.0~rc2.orig.tar.xz",
          sha256: "8d93af5eaaaea5adfd41bd786a7ba3f03f2ad1ab57c6a65e0b963deab91d5ad7",
          from: "Debian unstable (sid), source package python3.15 3.15.0~rc2 (its upstream tarball; the pool still serves it, though the index has moved on)"
        },
        {
          url: "https://www.python.org/ftp/python/3.15.0/Python-3.15.0rc2.tar.xz",
          sha256: "8d93af5eaaaea5adfd41bd786a7ba3f03f2ad1ab57c6a65e0b963deab91d5ad7",
          from: "python.org, the same file (for machines with no Debian archive)"
        }
      ]
    }
  ]
};

// src/distribution/release-version.ts
var RELEASE_PATTERN = /^3\.\d+\.\d+(?:(?:a|b|rc)\d+)?$/;
var LEVELS = { a: 0, b: 1, rc: 2, "": 3 };
function isPrerelease(version) {
  return /\d(?:a|b|rc)\d+$/.test(version);
}
function minorOf(version) {
  return version.split(".").slice(0, 2).join(".");
}
function parts(version) {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?(a|b|rc)?(\d+)?$/.exec(version);
  if (!match) return version.split(".").map(Number);
  const [, major, minor, micro, level, serial] = match;
  return [Number(major), Number(minor), Number(micro ?? 0), LEVELS[level ?? ""], Number(serial ?? 0)];
}
function compareVersions2(a, b) {
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const difference = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

// src/distribution/cpython-releases.ts
var SourceFacts = {
  sha256: external_exports.string().regex(/^[0-9a-f]{64}$/),
  /** Who publishes it, in words, for the log and the README. */
  from: external_exports.string().min(1)
};
var CPythonSourceSchema = external_exports.union([
  external_exports.object({ url: external_exports.string().url(), ...SourceFacts }).strict(),
  external_exports.object({ mirror: external_exports.enum(["debian", "go-proxy"]), path: external_exports.string().min(1), ...SourceFacts }).strict()
]);
var CPythonReleasesSchema = external_exports.object({
  comment: external_exports.string().optional(),
  /** What a bare X.Y means: the release the tests build; always a final release. */
  defaults: external_exports.record(external_exports.string().regex(/^3\.\d+$/), external_exports.string().regex(/^3\.\d+\.\d+$/)),
  /** Final releases and pre-releases (`3.15.0rc2`); a pre-release is taken only when asked for. */
  releases: external_exports.array(
    external_exports.object({ version: external_exports.string().regex(RELEASE_PATTERN), sources: external_exports.array(CPythonSourceSchema).min(1) })
  )
});
var SUPPORTED_MINORS = ["3.11", "3.12", "3.13", "3.14", "3.15"];
async function loadCPythonReleases(env = process.env) {
  const file = env.PYSEAL_CPYTHON_RELEASES;
  const raw = file ? JSON.parse(await (0, import_promises8.readFile)(file, "utf8")) : cpython_releases_default;
  return CPythonReleasesSchema.parse(raw);
}
function parsePythonVersion(value) {
  const match = /^(3\.(\d+))(\.\d+)?(?:-?(a|b|rc)\.?(\d+))?(t)?$/.exec(value.trim());
  const range = `${SUPPORTED_MINORS[0]} to ${SUPPORTED_MINORS.at(-1)}`;
  if (!match || match[4] && !match[3]) {
    return {
      problem: `python-version "${value}" is not a CPython version: write X.Y or X.Y.Z from ${range}, e.g. 3.14 or 3.14.2`
    };
  }
  if (!SUPPORTED_MINORS.includes(match[1])) {
    return { problem: `python-version "${value}" is outside what pyseal builds: choose ${range}` };
  }
  const prerelease = match[4] ? `${match[4]}${match[5]}` : "";
  return { version: match[1] + (match[3] ?? "") + prerelease, freeThreaded: match[6] === "t" };
}
var FIRST_FREE_THREADED_MINOR = 13;
function cpythonValue(version, freeThreaded) {
  return `cpython:${version}${freeThreaded ? "t" : ""}`;
}
function parseCPythonValue(value) {
  const match = /^cpython:(3\.\d+\.\d+(?:(?:a|b|rc)\d+)?)(t)?$/.exec(value);
  return match ? { version: match[1], freeThreaded: match[2] === "t" } : null;
}
function resolvePythonVersion(releases, request, allowPrereleases = false) {
  const minor = minorOf(request.version);
  const known = releases.releases.filter((r) => minorOf(r.version) === minor).map((r) => r.version);
  const prereleases = known.filter(isPrerelease).sort(compareVersions2);
  const bare = /^3\.\d+$/.test(request.version);
  const wanted = bare ? releases.defaults[request.version] ?? (allowPrereleases ? prereleases.at(-1) : void 0) : request.version;
  const release = wanted ? releases.releases.find((r) => r.version === wanted) : void 0;
  if (release) return release;
  if (bare && prereleases.length === known.length && prereleases.length > 0) {
    return {
      problem: `python-version "${request.version}" has no final release in pyseal's release list, only the pre-release${prereleases.length > 1 ? "s" : ""} ${prereleases.join(", ")}: name one exactly (--python-version ${prereleases.at(-1)}), or set allow-prereleases to take the newest`
    };
  }
  return {
    problem: `python-version "${request.version}" has no source in pyseal's release list` + (known.length > 0 ? ` (known for ${minor}: ${known.join(", ")})` : ` (none is known for ${minor} yet)`) + ": choose a known one, or give --python-distribution a source tarball"
  };
}

// src/inputs/parse-values.ts
function listOf(value) {
  if (value === void 0) return [];
  return (Array.isArray(value) ? value : value.split(",")).flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
}
function booleanOf(value, name, problems) {
  if (value === void 0 || typeof value === "boolean") return value ?? false;
  if (/^(true|yes|1)$/i.test(value)) return true;
  if (/^(false|no|0|)$/i.test(value)) return false;
  problems.push(`${name} must be true or false, not "${value}"`);
  return false;
}
function stdlibExcludeOf(value, defaults) {
  if (value === void 0) return [...defaults];
  return (Array.isArray(value) ? value : value.split(",")).map((s) => s.trim()).filter((s) => s !== "" && s !== "none");
}
function extensionLocationsOf(value, problems) {
  return listOf(value).map((location) => {
    if (location === "in-memory") return { kind: "in-memory" };
    const match = /^filesystem-relative:(.+)$/.exec(location);
    if (!match) problems.push(`extension-location "${location}" is not in-memory or filesystem-relative:DIR`);
    return { kind: "filesystem-relative", dir: match?.[1] ?? location };
  });
}
function packageDataLocationsOf(value, problems) {
  const seen = /* @__PURE__ */ new Set();
  return listOf(value).flatMap((item) => {
    const match = /^([^=]*)=(user-cache|filesystem-relative:(.*))$/.exec(item);
    if (!match) {
      problems.push(
        `package-data-location "${item}" is not PKG=filesystem-relative:DIR or PKG=user-cache (PKG: a top-level package of the app)`
      );
      return [];
    }
    const [, pkg, where, dir] = match;
    if (seen.has(pkg)) problems.push(`package-data-location names ${pkg} twice: give it one location`);
    seen.add(pkg);
    const location = where === "user-cache" ? { kind: "user-cache" } : { kind: "filesystem-relative", dir };
    return [{ package: pkg, location }];
  });
}
function directoryValue(dir, name, problems) {
  if ((0, import_node_fs9.existsSync)(dir) && !(0, import_node_fs9.statSync)(dir).isDirectory()) {
    problems.push(`${name} ${dir} is a file, not a directory: give --${name} a directory (it is created if missing)`);
  }
  return dir;
}
async function requirementsProblems(file) {
  if (!(0, import_node_fs9.existsSync)(file)) return [`requirements file ${file} does not exist: check --requirements`];
  if (!(0, import_node_fs9.statSync)(file).isFile()) return [`requirements file ${file} is not a file: give --requirements a file`];
  const text = await readUtf8(file);
  if (text === null) return [`requirements file ${file} is not UTF-8 text: save it as UTF-8 (pip reads nothing else)`];
  const lines = text.split("\n").map((l) => l.replace(/(^|\s)#.*$/, "").trim());
  if (lines.every((l) => l === "")) {
    return [`requirements file ${file} lists no requirements: add them, or leave out --requirements`];
  }
  return [];
}
function glibcValue(given, triple, problems) {
  const target = TARGETS.find((t) => t.triple === triple);
  const noGlibc = target ? whyNoGlibc(target) : null;
  if (given.value === void 0) return noGlibc === null ? DEFAULT_GLIBC_FLOOR : null;
  const parsed = parseGlibcFloor(given.value);
  if ("problem" in parsed) {
    problems.push(parsed.problem);
    return null;
  }
  if (noGlibc === null) return parsed.floor;
  if (parsed.floor !== "host" && !given.fromSettings) {
    problems.push(`glibc "${given.value}" does not apply: ${noGlibc}; leave out --glibc for this target`);
  }
  return null;
}
var DEBIAN_PYTHONS = ["python3.11", "python3.13"];
async function distributionValue(value, triple, cwd, problems) {
  if (value.startsWith("debian:")) {
    const pkg = value.slice("debian:".length);
    if (!DEBIAN_PYTHONS.includes(pkg)) {
      problems.push(
        `python-distribution "${value}" is not a CPython pyseal can build from Debian's sources: use ${DEBIAN_PYTHONS.map((p) => `debian:${p}`).join(" or ")}, a CPython source tarball, or pbs:VERSION`
      );
    }
    return value;
  }
  if (/^https?:\/\//.test(value)) return value;
  if (value.startsWith("cpython:")) {
    const named = parseCPythonValue(value);
    const known = (await loadCPythonReleases()).releases.some((r) => r.version === named?.version);
    if (!known)
      problems.push(`python-distribution "${value}" names no release pyseal knows: use --python-version X.Y instead`);
    else if (named?.freeThreaded && !hasFreeThreadedBuild(named.version))
      problems.push(noFreeThreadedBuild(`python-distribution "${value}"`));
    return value;
  }
  if (isPbsValue(value) && value.startsWith("pbs:")) {
    try {
      const known = TARGETS.some((t) => t.triple === triple);
      const request = parsePbsRequest(value);
      if (known) resolvePbsArchive(await loadPbsManifest(), request, triple);
    } catch (error) {
      problems.push(error.message);
    }
    return value;
  }
  const local = import_node_path10.default.resolve(cwd, value);
  if (!(0, import_node_fs9.existsSync)(local)) {
    problems.push(
      `python-distribution "${value}" is neither debian:python3.N, pbs:VERSION, a URL nor an existing file or directory: give one of those`
    );
    return value;
  }
  return local;
}
function parseLinkExtra(item, cwd, problems) {
  const match = /^([A-Za-z_][\w.]*)=(.+)$/.exec(item);
  const paths = (match ? match[2] : item).split(/[,;]/).map((p) => p.trim()).filter((p) => p !== "").map((p) => import_node_path10.default.resolve(cwd, p));
  for (const file of paths) {
    if (!(0, import_node_fs9.existsSync)(file)) problems.push(`link-extra file ${file} does not exist: check --link-extra`);
    else if (!/\.(o|obj|a|lib)$/.test(file))
      problems.push(`link-extra file ${file} is not an object file or static library: give .o, .obj, .a or .lib files`);
  }
  return match ? { kind: "module", module: match[1], paths } : { kind: "objects", paths };
}
async function pythonVersionValue(version, distribution, problems, allowPrereleases = false) {
  const request = parsePythonVersion(version);
  if ("problem" in request) {
    problems.push(request.problem);
    return null;
  }
  if (request.freeThreaded && !hasFreeThreadedBuild(request.version)) {
    problems.push(noFreeThreadedBuild(`python-version "${version}"`));
    return null;
  }
  if (distribution !== void 0) {
    const problem = disagreement(version, request, distribution);
    if (problem) problems.push(problem);
    return null;
  }
  const release = resolvePythonVersion(await loadCPythonReleases(), request, allowPrereleases);
  if ("problem" in release) {
    problems.push(release.problem);
    return null;
  }
  return cpythonValue(release.version, request.freeThreaded);
}
function hasFreeThreadedBuild(version) {
  return Number(version.split(".")[1]) >= FIRST_FREE_THREADED_MINOR;
}
function noFreeThreadedBuild(what) {
  return `${what}: CPython has a free-threaded build from 3.${FIRST_FREE_THREADED_MINOR} on: choose 3.${FIRST_FREE_THREADED_MINOR}t or later, or drop the t`;
}
function disagreement(version, request, distribution) {
  const cpython = parseCPythonValue(distribution);
  const given = /^debian:python(3\.\d+)$/.exec(distribution)?.[1] ?? /^pbs:(3\.\d+(?:\.\d+)?)/.exec(distribution)?.[1] ?? cpython?.version;
  if (!given) return null;
  const agree = (a, b) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
  const freeThreaded = distribution.startsWith("debian:") ? false : cpython?.freeThreaded ?? request.freeThreaded;
  if (!agree(given, request.version) || freeThreaded !== request.freeThreaded) {
    const build = cpython?.freeThreaded ? `${given}t` : given;
    return `python-version "${version}" and python-distribution "${distribution}" (CPython ${build}) disagree: give one of them`;
  }
  return null;
}

// src/inputs/resolve-inputs.ts
async function resolveBuildInputs(flags, cwd = process.cwd()) {
  const problems = [];
  const project = projectDirectory(flags.project, cwd, problems);
  const metadata = await readProjectMetadata(project);
  problems.push(...metadata.problems);
  const merged = { ...metadata.settings, ...flags };
  const candidate = await candidateInputs(merged, { flags, project, metadata, cwd, problems });
  problems.push(...crossOptionConflicts(candidate));
  const parsed = BuildInputsSchema.safeParse(candidate);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((issue) => describeBuildIssue(issue, merged, metadata.name)));
  }
  if (problems.length > 0) throw new InputError(problems);
  return parsed.data;
}
function projectDirectory(value, cwd, problems) {
  const project = import_node_path11.default.resolve(cwd, value ?? BUILD_OPTIONS.project.default.value);
  if (!(0, import_node_fs10.existsSync)(project)) {
    throw new InputError([`project directory ${project} does not exist: point --project at the project's directory`]);
  }
  if (!(0, import_node_fs10.statSync)(project).isDirectory()) {
    throw new InputError([`project ${project} is a file, not a directory: point --project at the directory holding it`]);
  }
  if (!(0, import_node_fs10.existsSync)(import_node_path11.default.join(project, "pyproject.toml")) && !(0, import_node_fs10.existsSync)(import_node_path11.default.join(project, "setup.py"))) {
    problems.push(`${project} has neither pyproject.toml nor setup.py: point --project at a Python project`);
  }
  return project;
}
async function candidateInputs(merged, context) {
  const { flags, project, metadata, cwd, problems } = context;
  const target = targetTriple(merged.target ?? hostTriple(), problems);
  const entryPoint = entryPointOf(merged["entry-point"], metadata.scripts, problems);
  const requirements = (merged.requirements ?? []).map((r) => import_node_path11.default.resolve(cwd, r));
  for (const file of requirements) problems.push(...await requirementsProblems(file));
  const given = merged["python-distribution"];
  const version = merged["python-version"] ?? (given === void 0 ? BUILD_OPTIONS.pythonVersion.default.value : null);
  const allowPrereleases = booleanOf(merged["allow-prereleases"], "allow-prereleases", problems);
  const fromVersion = version === null ? null : await pythonVersionValue(version, given, problems, allowPrereleases);
  const distribution = given ?? fromVersion;
  const cacheDir = merged["cache-dir"] ? import_node_path11.default.resolve(cwd, merged["cache-dir"]) : defaultCacheDir();
  return {
    target,
    glibc: glibcValue({ value: merged.glibc, fromSettings: flags.glibc === void 0 }, target, problems),
    project,
    requirements,
    entryPoint,
    name: merged.name ?? metadata.name ?? import_node_path11.default.basename(project),
    pythonVersion: version,
    allowPrereleases,
    pythonDistribution: distribution === null ? "cpython:unresolved" : await distributionValue(distribution, target, cwd, problems),
    pythonOptimization: merged["python-optimization"] ?? BUILD_OPTIONS.pythonOptimization.default.value,
    stdlibExclude: stdlibExcludeOf(merged["stdlib-exclude"], BUILD_OPTIONS.stdlibExclude.default.value),
    stdlib: merged.stdlib ?? BUILD_OPTIONS.stdlib.default.value,
    stdlibInclude: listOf(merged["stdlib-include"]),
    outDir: directoryValue(import_node_path11.default.resolve(cwd, merged["out-dir"] ?? BUILD_OPTIONS.outDir.default.value), "out-dir", problems),
    cacheDir: directoryValue(cacheDir, "cache-dir", problems),
    failOn: merged["fail-on"] ?? BUILD_OPTIONS.failOn.default.value,
    flavor: merged.flavor ?? null,
    extensionLocations: extensionLocationsOf(
      merged["extension-location"] ?? BUILD_OPTIONS.extensionLocations.default.value,
      problems
    ),
    allowInMemorySharedLibraryLoading: booleanOf(
      merged["allow-in-memory-shared-library-loading"],
      "allow-in-memory-shared-library-loading",
      problems
    ),
    packageDataLocations: packageDataLocationsOf(merged["package-data-location"], problems),
    excludePackages: listOf(merged["exclude-packages"]).map(normalizeName),
    standalonePackages: listOf(merged["standalone-packages"]).map(normalizeName),
    linkExtra: listOf(merged["link-extra"]).map((item) => parseLinkExtra(item, cwd, problems))
  };
}
function targetTriple(value, problems) {
  try {
    return findTarget(value).triple;
  } catch (error) {
    problems.push(error.message);
    return value;
  }
}
function entryPointOf(value, scripts, problems) {
  if (value === "none") return null;
  if (value !== void 0) return value;
  const entries = Object.values(scripts);
  if (entries.length > 1) {
    problems.push(
      `[project.scripts] has ${entries.length} entries (${Object.keys(scripts).join(", ")}): choose one with --entry-point`
    );
  }
  return entries.length === 1 ? entries[0] : null;
}
function crossOptionConflicts(candidate) {
  const excluded2 = candidate.excludePackages;
  const standalone = candidate.standalonePackages;
  const problems = excluded2.filter((name) => standalone.includes(name)).map((name) => `${name} is in both exclude-packages and standalone-packages: choose one`);
  if (candidate.flavor === "static" && standalone.length > 0) {
    problems.push(
      `standalone-packages (${standalone.join(", ")}) conflicts with flavor static: files beside the binary need the dynamic flavor; use exclude-packages to leave them out instead`
    );
  }
  const floor = candidate.glibc;
  if (candidate.pythonOptimization !== "none" && typeof floor === "string" && floor !== "host") {
    problems.push(
      `python-optimization ${String(candidate.pythonOptimization)} cannot be built for glibc ${floor}: only this machine's gcc optimizes CPython; give --glibc host (the binary then needs this machine's glibc) or python-optimization none`
    );
  }
  return problems;
}
function describeBuildIssue(issue, merged, projectName) {
  const fromProject = issue.path[0] === "name" && merged.name === void 0 && projectName !== null;
  return describeIssue(issue) + (fromProject ? ` ("${projectName}" is [project] name in pyproject.toml; give --name to choose another)` : "");
}

// src/pipeline.ts
var import_node_fs38 = require("node:fs");
var import_promises39 = require("node:fs/promises");
var import_node_path71 = __toESM(require("node:path"));

// src/packages/build-packages.ts
var import_promises18 = require("node:fs/promises");
var import_node_path25 = __toESM(require("node:path"));

// src/cache/source-date-epoch.ts
var DEFAULT_SOURCE_DATE_EPOCH = "946684800";
function sourceDateEpoch(env = process.env) {
  return /^\d+$/.test(env.SOURCE_DATE_EPOCH ?? "") ? env.SOURCE_DATE_EPOCH : DEFAULT_SOURCE_DATE_EPOCH;
}
function chosenSourceDateEpoch() {
  return sourceDateEpoch() === DEFAULT_SOURCE_DATE_EPOCH ? void 0 : sourceDateEpoch();
}

// src/utils/package-root.ts
var import_node_fs11 = require("node:fs");
var import_node_path12 = __toESM(require("node:path"));
var cached = null;
function packageRoot() {
  if (cached) return cached;
  let dir = __dirname;
  for (; ; ) {
    const manifest = import_node_path12.default.join(dir, "package.json");
    if ((0, import_node_fs11.existsSync)(manifest) && JSON.parse((0, import_node_fs11.readFileSync)(manifest, "utf8")).name === "pyseal") {
      cached = dir;
      return dir;
    }
    const parent = import_node_path12.default.dirname(dir);
    if (parent === dir) throw new Error(`pyseal's package root was not found above ${__dirname}`);
    dir = parent;
  }
}
function toolVersion() {
  return JSON.parse((0, import_node_fs11.readFileSync)(import_node_path12.default.join(packageRoot(), "package.json"), "utf8")).version;
}

// src/packages/accelerators.ts
var OPTIONAL_ACCELERATOR_ENV = {
  // charset_normalizer.md compiled by mypyc (3.4.x; later releases switched to Cython,
  // which they compile only with CHARSET_NORMALIZER_USE_CYTHON=1 and a PGO pass).
  "charset-normalizer": { CHARSET_NORMALIZER_USE_MYPYC: "1" }
};
function acceleratorEnv(env) {
  const switches = {};
  for (const variables of Object.values(OPTIONAL_ACCELERATOR_ENV)) {
    for (const [name, value] of Object.entries(variables)) switches[name] = env[name] ?? value;
  }
  return switches;
}

// src/packages/capture-shim.ts
var import_node_path13 = __toESM(require("node:path"));
async function installCaptureShim(buildDistribution) {
  const python = import_node_path13.default.join(buildDistribution.root, buildDistribution.json.python_exe);
  const purelib = import_node_path13.default.join(buildDistribution.root, String(buildDistribution.json.python_paths.purelib ?? ""));
  await runChecked({
    command: python,
    args: ["-m", "pyseal_capture", "install", "--site-packages", purelib],
    env: { ...process.env, PYTHONPATH: import_node_path13.default.join(packageRoot(), "python") }
  });
}
function compilerWrapperEnv(env, cxx) {
  const bin = import_node_path13.default.join(packageRoot(), "python", "pyseal_capture", "bin");
  const realCc = env.CC ?? "cc";
  return {
    CC: import_node_path13.default.join(bin, "pyseal-cc"),
    CXX: import_node_path13.default.join(bin, "pyseal-c++"),
    LDSHARED: `${import_node_path13.default.join(bin, "pyseal-cc")} -shared`,
    LDCXXSHARED: `${import_node_path13.default.join(bin, "pyseal-c++")} -shared`,
    PYSEAL_REAL_CC: realCc,
    PYSEAL_REAL_CXX: cxx ?? "c++"
  };
}
function compilerWrapperLinker() {
  return import_node_path13.default.join(packageRoot(), "python", "pyseal_capture", "bin", "pyseal-cc");
}
function libraryShimEnv(env, socket) {
  const shims = import_node_path13.default.join(packageRoot(), "python", "pyseal_capture", "shims");
  return {
    PATH: [shims, env.PATH ?? process.env.PATH].filter(Boolean).join(import_node_path13.default.delimiter),
    PYSEAL_LIBRARY_SOCKET: socket,
    PYSEAL_DROP_HOST_PATHS: "1"
  };
}

// src/packages/capture-records.ts
var import_node_fs12 = require("node:fs");
var import_promises9 = require("node:fs/promises");
var import_node_path14 = __toESM(require("node:path"));
var CaptureRecordSchema = external_exports.object({
  schema: external_exports.literal(1),
  module: external_exports.string(),
  init_fn: external_exports.string(),
  /** The module's own objects and the object files its link was given (copies in the capture directory). */
  objects: external_exports.array(external_exports.string()),
  /** Static archives its link was given by path (copies), members taken as the objects need them. */
  archives: external_exports.array(external_exports.string()).default([]),
  /** Static archives its link took whole (`--whole-archive`), copies. */
  whole_archives: external_exports.array(external_exports.string()).default([]),
  libraries: external_exports.array(external_exports.string()).default([]),
  library_dirs: external_exports.array(external_exports.string()).default([]),
  extra_link_args: external_exports.array(external_exports.string()).default([]),
  compiler: external_exports.string().nullish(),
  language: external_exports.enum(["c", "c++", "rust"]).default("c"),
  capture: external_exports.enum(["setuptools._distutils", "distutils", "compiler-wrapper"]),
  package: external_exports.string().nullish(),
  module_guess: external_exports.boolean().optional(),
  /** The shared library the link wrote, where it was written (the build directory, gone by now). */
  output: external_exports.string().nullish(),
  /** Its sha256 right after the link, when the shim could read it. */
  output_sha256: external_exports.string().nullish()
}).passthrough();
var IntentSchema = external_exports.object({
  schema: external_exports.literal(1),
  package: external_exports.string(),
  modules: external_exports.array(external_exports.string()),
  /** The modules still listed when the build started compiling them; absent when it never got there. */
  building: external_exports.array(external_exports.string()).optional()
}).passthrough();
async function readCapture(captureDir) {
  return {
    records: await readJsonDir(import_node_path14.default.join(captureDir, "records"), CaptureRecordSchema),
    intents: await readJsonDir(import_node_path14.default.join(captureDir, "intended"), IntentSchema)
  };
}
async function readJsonDir(dir, schema) {
  if (!(0, import_node_fs12.existsSync)(dir)) return [];
  const names = (await (0, import_promises9.readdir)(dir)).filter((n) => n.endsWith(".json")).sort();
  const items = [];
  for (const name of names) {
    const file = import_node_path14.default.join(dir, name);
    const parsed = schema.safeParse(JSON.parse(await (0, import_promises9.readFile)(file, "utf8")));
    if (!parsed.success) {
      throw new Error(`capture record ${file} is malformed: ${parsed.error.issues[0]?.message ?? "unknown"}`);
    }
    items.push(parsed.data);
  }
  return items;
}

// src/packages/dependency-layer.ts
var import_node_fs16 = require("node:fs");
var import_promises14 = require("node:fs/promises");
var import_node_path20 = __toESM(require("node:path"));

// src/packages/pip-install.ts
var import_node_fs15 = require("node:fs");
var import_promises13 = require("node:fs/promises");
var import_node_path19 = __toESM(require("node:path"));

// src/packages/cargo-env.ts
var import_node_crypto2 = require("node:crypto");
var import_node_fs13 = require("node:fs");
var import_promises10 = require("node:fs/promises");
var import_node_os3 = __toESM(require("node:os"));
var import_node_path15 = __toESM(require("node:path"));
function rustTriple(platformTag) {
  const match = /^(x86_64|aarch64)-linux-(gnu|musl)$/.exec(platformTag);
  return match ? `${match[1]}-unknown-linux-${match[2]}` : null;
}
function hostRustTriple() {
  const arch = { x64: "x86_64", arm64: "aarch64" }[import_node_os3.default.arch()];
  return arch && process.platform === "linux" ? `${arch}-unknown-linux-gnu` : null;
}
async function cargoEnv(platformTag, linker, cacheRoot) {
  const triple = rustTriple(platformTag);
  if (!triple) return {};
  const env = { [`CARGO_TARGET_${triple.toUpperCase().replace(/-/g, "_")}_LINKER`]: linker };
  if (triple !== hostRustTriple()) {
    env.CARGO_BUILD_TARGET = triple;
    env.PKG_CONFIG_ALLOW_CROSS = "1";
  }
  if (triple.endsWith("-musl")) {
    const unwindDir = await muslUnwindDir(triple, cacheRoot);
    if (unwindDir) env.PYSEAL_RUST_UNWIND_DIR = unwindDir;
  }
  return env;
}
async function muslUnwindDir(triple, cacheRoot) {
  const sysroot = await runCommand({ command: "rustc", args: ["--print", "sysroot"] }).catch(() => null);
  if (!sysroot || sysroot.code !== 0) return null;
  const unwind = import_node_path15.default.join(sysroot.stdout.trim(), "lib", "rustlib", triple, "lib", "self-contained", "libunwind.a");
  if (!(0, import_node_fs13.existsSync)(unwind)) return null;
  const dir = import_node_path15.default.join(
    cacheRoot,
    "rust",
    `${triple}-${(0, import_node_crypto2.createHash)("sha256").update(unwind).digest("hex").slice(0, 12)}`
  );
  const named = import_node_path15.default.join(dir, "libgcc_s.a");
  if (!(0, import_node_fs13.existsSync)(named)) {
    await (0, import_promises10.mkdir)(dir, { recursive: true });
    const aside = `${named}.${process.pid}`;
    await (0, import_promises10.rm)(aside, { force: true });
    await (0, import_promises10.symlink)(unwind, aside);
    await (0, import_promises10.rename)(aside, named);
  }
  return dir;
}
async function ensureRustTarget(platformTag, log) {
  const triple = rustTriple(platformTag);
  if (!triple || triple === hostRustTriple()) return;
  const installed = await runCommand({ command: "rustup", args: ["target", "list", "--installed"] }).catch(() => null);
  if (!installed || installed.code !== 0) return;
  if (installed.stdout.split("\n").some((line) => line.trim() === triple)) return;
  log(`  rustup target add ${triple} (Rust's standard library for the target, for Rust extension modules)`);
  const added = await runCommand({ command: "rustup", args: ["target", "add", triple] });
  if (added.code !== 0) log(`  rustup target add ${triple} failed: ${added.stderr.trim().split("\n").pop() ?? ""}`);
}

// src/libraries/library-server.ts
var import_promises11 = require("node:fs/promises");
var import_node_net = require("node:net");
var import_node_os4 = require("node:os");
var import_node_path16 = __toESM(require("node:path"));
async function startLibraryServer(provider) {
  const dir = await (0, import_promises11.mkdtemp)(import_node_path16.default.join((0, import_node_os4.tmpdir)(), "pyseal-libs-"));
  const socket = import_node_path16.default.join(dir, "socket");
  const server = (0, import_node_net.createServer)((connection) => serve(connection, provider));
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(socket, () => resolve());
  });
  return {
    socket,
    close: async () => {
      await new Promise((resolve) => server.close(() => resolve()));
      await (0, import_promises11.rm)(dir, { recursive: true, force: true });
    }
  };
}
function serve(connection, provider) {
  let text = "";
  connection.setEncoding("utf8");
  connection.on("data", (chunk) => {
    text += chunk;
    const end = text.indexOf("\n");
    if (end < 0) return;
    answer(text.slice(0, end), provider).then(
      (reply) => connection.end(JSON.stringify(reply) + "\n"),
      (error) => connection.end(JSON.stringify({ found: false, error: error instanceof Error ? error.message : String(error) }))
    );
  });
  connection.on("error", () => connection.destroy());
}
async function answer(line, provider) {
  const query = parseQuery(line);
  if (!query) return { found: false, error: `not a library question: ${line.slice(0, 200)}` };
  const built = await provider.ensure(query);
  if (!built) return { found: false };
  return {
    found: true,
    recipe: built.recipe,
    includeDirs: built.includeDirs,
    libDir: built.libDir,
    pkgConfigDir: built.pkgConfigDir
  };
}
function parseQuery(line) {
  let value;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (!value || typeof value !== "object") return null;
  const { kind, name } = value;
  if (kind !== "header" && kind !== "library" && kind !== "pkg-config") return null;
  if (typeof name !== "string" || name === "" || name.length > 200) return null;
  return { kind, name };
}

// src/packages/machine-records.ts
var import_node_fs14 = require("node:fs");
var import_promises12 = require("node:fs/promises");
var import_node_path17 = __toESM(require("node:path"));
async function dropMachineRecords(siteDir) {
  for (const entry of await (0, import_promises12.readdir)(siteDir)) {
    if (!entry.endsWith(".dist-info")) continue;
    const directUrl = import_node_path17.default.join(siteDir, entry, "direct_url.json");
    if ((0, import_node_fs14.existsSync)(directUrl)) await (0, import_promises12.rm)(directUrl);
    const record = import_node_path17.default.join(siteDir, entry, "RECORD");
    if (!(0, import_node_fs14.existsSync)(record)) continue;
    const lines = (await (0, import_promises12.readFile)(record, "utf8")).split("\n");
    const kept = lines.filter((l) => !l.startsWith(`${entry}/direct_url.json,`) && !l.startsWith("../"));
    if (kept.length !== lines.length) await (0, import_promises12.writeFile)(record, kept.join("\n"));
  }
}

// src/packages/pip-errors.ts
var import_node_path18 = __toESM(require("node:path"));

// src/errors/failed-step.ts
var LOG_LINES = 25;
function failedStepMessage(failure) {
  const { log } = failure;
  const shown = log ? lastLines(log.text, LOG_LINES) : "";
  return [
    `${failure.what} failed at step "${failure.step}"${failure.reason ? `: ${failure.reason}` : ""}.`,
    ...shown === "" ? [] : [`--- ${log?.heading ?? `last ${LOG_LINES} lines of the log`} ---`, shown, "--- end ---"],
    ...log?.file ? [`Full log: ${log.file}`] : [],
    `What to do: ${failure.fix}`
  ].join("\n");
}
var FailedStepError = class extends UserError {
  step;
  logFile;
  constructor(failure) {
    super(
      { input: failure.input, cause: `${failure.what} failed at step "${failure.step}"`, fix: failure.fix },
      failedStepMessage(failure)
    );
    this.name = "FailedStepError";
    this.step = failure.step;
    this.logFile = failure.log?.file;
  }
};

// src/packages/pip-errors.ts
var PackageBuildError = class extends FailedStepError {
  constructor(packageName, errorLines2, logFile) {
    super({
      input: packageName,
      what: `Building ${packageName} from source`,
      step: "pip install",
      log: { text: errorLines2, heading: "the compiler's and pip's error lines", file: logFile },
      fix: `fix the build of ${packageName} (missing headers or libraries are the usual cause: install its -dev packages), or remove it from the requirements.`
    });
    this.packageName = packageName;
    this.name = "PackageBuildError";
  }
  packageName;
};
var MissingRequirementError = class extends UserError {
  constructor(requirement2, requirementsFiles, logFile) {
    const where = requirementsFiles.length > 0 ? requirementsFiles.join(", ") : "the project's dependencies";
    const cause = "is not on the package index (pip found no matching distribution)";
    const fix = `check its name and version in ${where}`;
    super(
      { input: `requirement ${requirement2}`, cause, fix },
      `requirement ${requirement2} ${cause}: ${fix}. Full log: ${logFile}`
    );
    this.name = "MissingRequirementError";
  }
};
var RustToolchainError = class extends UserError {
  constructor(packageName, problem, logFile) {
    super(
      { input: packageName, cause: problem.cause, fix: problem.fix },
      `${packageName} has Rust code, and ${problem.cause}: ${problem.fix}. Full log: ${logFile}`
    );
    this.name = "RustToolchainError";
  }
};
function rustToolchainProblem(output) {
  if (/rustup could not choose a version of (cargo|rustc) to run/.test(output)) {
    return {
      cause: "rustup has no default toolchain to run cargo and rustc with",
      fix: "run `rustup default stable` (or set RUSTUP_TOOLCHAIN), then build again"
    };
  }
  if (/can't find Rust compiler|Cargo, the Rust package manager, is not installed|Collecting puccinialin/.test(output)) {
    return {
      cause: "Rust's cargo is not on PATH (maturin and setuptools-rust build with it)",
      fix: "install Rust with rustup (its default profile gives cargo and rustc) and put ~/.cargo/bin on PATH"
    };
  }
  return null;
}
function buildErrorLines(output) {
  const lines = output.split("\n").map((l) => l.trim());
  const errors = lines.filter((l) => /(^|\s)(error|ERROR)[:\s]/.test(l) && !l.startsWith("error: subprocess-exited"));
  return (errors.length > 0 ? errors.slice(0, 12) : lines.filter((l) => l !== "").slice(-15)).join("\n");
}
function failedPackage(output, project) {
  const patterns = [
    /Failed building wheel for ([\w.-]+)/,
    /Failed to build installable wheels for some pyproject\.toml based projects\s*\S*\s*([\w.-]+)/,
    /Building wheel for ([\w.-]+) \(pyproject\.toml\) did not run successfully/,
    /Getting requirements to build wheel did not run successfully[\s\S]*?for ([\w.-]+)/,
    // A dependency whose metadata step failed: the last one pip was collecting.
    /(?:Collecting |Processing \S*\/)([\w.-]+?)(?:[=<>!~ ;[][^\n]*)?\n(?:(?!Collecting |Processing )[\s\S])*?Preparing metadata \(pyproject\.toml\): finished with status 'error'/,
    /No matching distribution found for ([\w.-]+)/,
    /Could not find a version that satisfies the requirement ([\w.-]+)/
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(output);
    if (match) return match[1];
  }
  return import_node_path18.default.basename(project);
}

// src/packages/pip-install.ts
var BUILD_TOOLS_AS_WHEELS = [
  "setuptools",
  "wheel",
  "cython",
  "setuptools-scm",
  "flit-core",
  "hatchling",
  "hatch-vcs",
  "hatch-fancy-pypi-readme",
  "poetry-core",
  "pdm-backend",
  "meson-python",
  "meson",
  "ninja",
  "cmake",
  "scikit-build-core",
  "packaging",
  "pathspec",
  "pluggy",
  "trove-classifiers",
  "editables",
  "tomli",
  "typing-extensions",
  "calver",
  "pycparser",
  "pip",
  "maturin",
  "setuptools-rust",
  "semantic-version"
];
async function pipInstall(request, into, what) {
  const { distribution, buildDistribution, project, requirements } = request;
  const python = import_node_path19.default.join(buildDistribution.root, buildDistribution.json.python_exe);
  const args = [
    "-m",
    "pip",
    "install",
    "--no-cache-dir",
    "--disable-pip-version-check",
    "--no-compile",
    "--no-warn-script-location",
    "--no-binary",
    ":all:",
    "--only-binary",
    BUILD_TOOLS_AS_WHEELS.join(","),
    "--target",
    into.siteDir,
    ...what
  ];
  await ensureRustTarget(request.platformTag, request.log);
  const env = {
    ...request.env,
    ...acceleratorEnv(request.env),
    ...compilerWrapperEnv(request.env, request.cxx),
    ...await cargoEnv(request.platformTag, compilerWrapperLinker(), request.cacheRoot),
    PYSEAL_CAPTURE_DIR: into.captureDir,
    // The compiler wrapper maps the build directory and the cache root out of every
    // object (__FILE__, debug info): the same package gives the same bytes in any cache.
    PYSEAL_FILE_PREFIX_MAPS: [
      `${request.cacheRoot}=/pyseal-cache`,
      ...into.prefixes.map((prefix) => `${prefix}=/pyseal-python`)
    ].join(import_node_path19.default.delimiter),
    PIP_NO_INPUT: "1",
    // Without cargo maturin would ask for a Rust installer as a build dependency: a Rust
    // fetched unpinned into one package's build. pyseal uses the machine's and says when it is missing.
    MATURIN_NO_INSTALL_RUST: "1",
    SOURCE_DATE_EPOCH: sourceDateEpoch(),
    // pip's build environments keep using its wheel cache even with --no-cache-dir, and a
    // glibc build's cached wheel carries the same tag (linux_x86_64) as a musl one: one
    // cache per distribution keeps them apart.
    PIP_CACHE_DIR: import_node_path19.default.join(request.cacheRoot, "pip", distribution.json.pyseal?.key ?? "default")
  };
  delete env.PYTHONPATH;
  if (request.crossSysconfigName) env._PYTHON_SYSCONFIGDATA_NAME = request.crossSysconfigName;
  const libraryServer = request.libraries ? await startLibraryServer(request.libraries) : null;
  if (libraryServer) Object.assign(env, libraryShimEnv(env, libraryServer.socket));
  const result = await runCommand({ command: python, args, env, cwd: project }).finally(() => libraryServer?.close());
  await (0, import_promises13.writeFile)(into.logFile, `$ ${python} ${args.join(" ")}
${result.stdout}
${result.stderr}`);
  if (result.code !== 0) {
    const output = result.stderr + result.stdout;
    const noRust = rustToolchainProblem(output);
    if (noRust) throw new RustToolchainError(failedPackage(output, project), noRust, into.logFile);
    const missing = /No matching distribution found for (\S+)/.exec(output)?.[1];
    if (missing) throw new MissingRequirementError(missing, requirements, into.logFile);
    throw new PackageBuildError(failedPackage(output, project), buildErrorLines(output), into.logFile);
  }
  if ((0, import_node_fs15.existsSync)(into.siteDir)) await dropMachineRecords(into.siteDir);
}
async function configuredPrefixes(buildDistribution) {
  const python = import_node_path19.default.join(buildDistribution.root, buildDistribution.json.python_exe);
  const script = 'import os, sysconfig\nprint(sysconfig.get_config_var("prefix"))\nprint(os.path.dirname(os.path.dirname(sysconfig.get_config_var("INCLUDEPY"))))';
  const lines = (await runChecked({ command: python, args: ["-c", script] })).stdout.trim().split("\n");
  return [...new Set(lines.map((line) => line.trim()).filter((line) => line !== ""))];
}

// src/packages/dependency-layer.ts
async function buildDependencyLayer(request, dependencies, keyParts, prefixes) {
  const { requirements, cacheRoot, log } = request;
  const key = contentKey({ ...keyParts, layer: "dependencies", dependencies });
  const names = [...dependencies, ...requirements.map((r) => import_node_path20.default.basename(r))].join(", ");
  return cachedEntry({
    kind: DEPENDENCY_LAYER,
    root: import_node_path20.default.join(cacheRoot, "packages", key),
    describe: `dependencies ${key} (${names})`,
    // Capture records name the objects by absolute path, inside the entry (rewritten when merged).
    buildInPlace: true,
    build: async (root) => {
      const captureDir = import_node_path20.default.join(root, "capture");
      await (0, import_promises14.mkdir)(captureDir, { recursive: true });
      log(`  pip install (from source) the dependencies: ${names}`);
      const into = { prefixes, siteDir: import_node_path20.default.join(root, "site"), captureDir, logFile: import_node_path20.default.join(root, "pip.log") };
      await pipInstall(request, into, [...dependencies, ...requirements.flatMap((r) => ["-r", r])]);
      const records = (await readCapture(captureDir)).records.length;
      await (0, import_promises14.writeFile)(import_node_path20.default.join(root, "build.json"), JSON.stringify({ key, records }, null, 2) + "\n");
    },
    log
  });
}
async function mergeDependencyLayer(layerRoot, root) {
  if ((0, import_node_fs16.existsSync)(import_node_path20.default.join(layerRoot, "site"))) {
    await (0, import_promises14.cp)(import_node_path20.default.join(layerRoot, "site"), import_node_path20.default.join(root, "site"), {
      recursive: true,
      force: false,
      errorOnExist: false
    });
  }
  const from = import_node_path20.default.join(layerRoot, "capture");
  const to = import_node_path20.default.join(root, "capture");
  if ((0, import_node_fs16.existsSync)(import_node_path20.default.join(from, "objects"))) {
    await (0, import_promises14.cp)(import_node_path20.default.join(from, "objects"), import_node_path20.default.join(to, "objects"), {
      recursive: true,
      force: false,
      errorOnExist: false
    });
  }
  const oldPrefix = JSON.stringify(from + import_node_path20.default.sep).slice(1, -1);
  const newPrefix = JSON.stringify(to + import_node_path20.default.sep).slice(1, -1);
  for (const kind of ["records", "intended"]) {
    const dir = import_node_path20.default.join(from, kind);
    if (!(0, import_node_fs16.existsSync)(dir)) continue;
    await (0, import_promises14.mkdir)(import_node_path20.default.join(to, kind), { recursive: true });
    for (const name of await (0, import_promises14.readdir)(dir)) {
      const target = import_node_path20.default.join(to, kind, name);
      if ((0, import_node_fs16.existsSync)(target)) continue;
      const text = await (0, import_promises14.readFile)(import_node_path20.default.join(dir, name), "utf8");
      await (0, import_promises14.writeFile)(target, text.split(oldPrefix).join(newPrefix));
    }
  }
  const skipped2 = import_node_path20.default.join(from, "skipped.jsonl");
  if ((0, import_node_fs16.existsSync)(skipped2)) await (0, import_promises14.appendFile)(import_node_path20.default.join(to, "skipped.jsonl"), await (0, import_promises14.readFile)(skipped2, "utf8"));
}

// src/packages/installed-extensions.ts
var import_node_fs17 = require("node:fs");
var import_promises15 = require("node:fs/promises");
var import_node_path21 = __toESM(require("node:path"));
var EXTENSION_FILE = /^(.+?)(\.cpython-[^.]+|\.abi3)?\.(so|pyd)$/;
async function findExtensionFiles(siteDir, platformTag) {
  const found = [];
  const walk = async (dir) => {
    if (!(0, import_node_fs17.existsSync)(dir)) return;
    for (const entry of await (0, import_promises15.readdir)(dir, { withFileTypes: true })) {
      const full = import_node_path21.default.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else {
        const match = EXTENSION_FILE.exec(entry.name);
        if (!match) continue;
        if (match[2]?.startsWith(".cpython-") && !match[2].endsWith(`-${platformTag}`)) continue;
        const relative = import_node_path21.default.relative(siteDir, full);
        const parts2 = import_node_path21.default.dirname(relative) === "." ? [] : import_node_path21.default.dirname(relative).split(import_node_path21.default.sep);
        if (parts2.some((p) => p.endsWith(".libs") || p.includes("-") || p.includes("."))) continue;
        found.push({ module: [...parts2, match[1]].join("."), file: relative, distribution: null });
      }
    }
  };
  await walk(siteDir);
  const owners = await recordOwners(siteDir);
  for (const extension of found) {
    const owner = owners.get(extension.file);
    extension.distribution = owner?.name ?? null;
    extension.version = owner?.version ?? null;
  }
  return found.sort((a, b) => a.module < b.module ? -1 : 1);
}
async function recordOwners(siteDir) {
  const owners = /* @__PURE__ */ new Map();
  if (!(0, import_node_fs17.existsSync)(siteDir)) return owners;
  for (const entry of await (0, import_promises15.readdir)(siteDir)) {
    const match = /^(.+?)-([^-]+)\.dist-info$/.exec(entry);
    const record = import_node_path21.default.join(siteDir, entry, "RECORD");
    if (!match || !(0, import_node_fs17.existsSync)(record)) continue;
    for (const line of (await (0, import_promises15.readFile)(record, "utf8")).split("\n")) {
      const file = line.split(",")[0];
      if (file) owners.set(import_node_path21.default.normalize(file), { name: match[1], version: match[2] });
    }
  }
  return owners;
}

// src/packages/record-names.ts
var import_node_path22 = __toESM(require("node:path"));
async function nameRecordsByInstalledFiles(records, installed, siteDir) {
  const installedNames = new Set(installed.map((file) => file.module));
  const unnamed = records.filter((record) => !installedNames.has(record.module));
  if (unnamed.length === 0) return records;
  const claimed = new Set(records.filter((record) => installedNames.has(record.module)).map((record) => record.module));
  const free = installed.filter((file) => !claimed.has(file.module));
  const hashes = new Map(
    await Promise.all(free.map(async (file) => [file.module, await sha256File(import_node_path22.default.join(siteDir, file.file))]))
  );
  const matches = records.map((record, index) => ({
    index,
    match: installedNames.has(record.module) ? null : installedFileOf(record, installed, hashes)
  })).filter((entry) => entry.match !== null).sort((a, b) => b.match.score - a.match.score || a.index - b.index);
  const named = [...records];
  for (const { index, match } of matches) {
    if (claimed.has(match.file.module)) continue;
    claimed.add(match.file.module);
    named[index] = renamed(records[index], match.file);
  }
  return named;
}
function renamed(record, file) {
  const last = file.module.split(".").pop();
  return {
    ...record,
    module: file.module,
    // The init function is the file name's: the same as guessed, unless the build renamed the file.
    init_fn: record.module.split(".").pop() === last ? record.init_fn : `PyInit_${last}`,
    module_guess: false,
    named_from: record.module
  };
}
function installedFileOf(record, installed, hashes) {
  if (record.output_sha256) {
    const same = installed.filter((file) => hashes.get(file.module) === record.output_sha256);
    if (same.length === 1) return { file: same[0], score: Infinity };
  }
  if (!record.output) return null;
  let named = installed.filter((file) => import_node_path22.default.basename(file.file) === import_node_path22.default.basename(record.output));
  const pkg = record.package ?? (typeof record.dist_name === "string" ? record.dist_name : null);
  const ofPackage = pkg ? named.filter((file) => file.distribution && normalizeName(file.distribution) === normalizeName(pkg)) : [];
  if (ofPackage.length > 0) named = ofPackage;
  return closestByPath(record.output, named);
}
function closestByPath(output, files) {
  const outputFolders = import_node_path22.default.dirname(output).split(import_node_path22.default.sep).reverse();
  let best = null;
  let tie = false;
  for (const file of files) {
    const folders = import_node_path22.default.dirname(file.file).split(import_node_path22.default.sep).filter((part) => part !== ".").reverse();
    let score = 0;
    while (score < folders.length && folders[score] === outputFolders[score]) score++;
    if (!best || score > best.score) [best, tie] = [{ file, score }, false];
    else if (score === best.score) tie = true;
  }
  return tie ? null : best;
}

// src/packages/project-dependencies.ts
var import_node_fs18 = require("node:fs");
var import_promises16 = require("node:fs/promises");
var import_node_path23 = __toESM(require("node:path"));
async function staticDependencies(projectDir) {
  const file = import_node_path23.default.join(projectDir, "pyproject.toml");
  if (!(0, import_node_fs18.existsSync)(file)) return null;
  let doc;
  try {
    doc = parse(await (0, import_promises16.readFile)(file, "utf8"));
  } catch {
    return null;
  }
  const project = doc.project;
  if (!project || typeof project !== "object") return null;
  const dynamic = Array.isArray(project.dynamic) ? project.dynamic : [];
  if (dynamic.includes("dependencies")) return null;
  const dependencies = project.dependencies ?? [];
  if (!Array.isArray(dependencies) || !dependencies.every((d) => typeof d === "string")) return null;
  return dependencies;
}

// src/packages/project-tree.ts
var import_node_crypto3 = require("node:crypto");
var import_promises17 = require("node:fs/promises");
var import_node_path24 = __toESM(require("node:path"));
var TOP_LEVEL_OUTPUT = /* @__PURE__ */ new Set(["build", "dist", "pyseal-out"]);
var SKIPPED_DIRS = /* @__PURE__ */ new Set([
  ".git",
  ".hg",
  ".svn",
  "__pycache__",
  "node_modules",
  ".tox",
  ".nox",
  ".venv",
  ".mypy_cache",
  ".pytest_cache"
]);
function skipped(root, full) {
  const name = import_node_path24.default.basename(full);
  if (import_node_path24.default.dirname(full) === root && TOP_LEVEL_OUTPUT.has(name)) return true;
  return SKIPPED_DIRS.has(name) || name.endsWith(".egg-info");
}
async function copyProjectTree(source, destination) {
  await (0, import_promises17.cp)(source, destination, {
    recursive: true,
    filter: (from) => from === source || !skipped(source, from)
  });
}
async function hashTree(root) {
  const hash = (0, import_node_crypto3.createHash)("sha256");
  const walk = async (dir) => {
    const entries = (await (0, import_promises17.readdir)(dir, { withFileTypes: true })).sort((a, b) => a.name < b.name ? -1 : 1);
    for (const entry of entries) {
      const full = import_node_path24.default.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skipped(root, full)) await walk(full);
      } else if (entry.isFile()) {
        hash.update(import_node_path24.default.relative(root, full)).update("\0").update(await (0, import_promises17.readFile)(full)).update("\0");
      }
    }
  };
  await walk(root);
  return hash.digest("hex");
}

// src/packages/build-packages.ts
async function buildPackages(request) {
  const { project, cacheRoot } = request;
  const keyParts = await sharedKeyParts(request);
  const key = contentKey({ ...keyParts, project: await hashTree(project) });
  let compiled = 0;
  const entry = await cachedEntry({
    kind: PACKAGES,
    root: import_node_path25.default.join(cacheRoot, "packages", key),
    // Capture records name the objects by absolute path, inside the entry.
    buildInPlace: true,
    build: async (root) => {
      compiled = await installInto(request, key, root, keyParts);
    },
    log: request.log
  });
  const siteDir = import_node_path25.default.join(entry.root, "site");
  const captureDir = import_node_path25.default.join(entry.root, "capture");
  const installed = await findExtensionFiles(siteDir, request.platformTag);
  const capture = await readCapture(captureDir);
  capture.records = await nameRecordsByInstalledFiles(capture.records, installed, siteDir);
  return { key, reused: entry.reused, siteDir, captureDir, capture, installed, compiled, libraries: request.libraries };
}
async function sharedKeyParts(request) {
  const { distribution, requirements, cacheRoot } = request;
  return {
    distribution: distribution.json.pyseal?.key ?? distribution.root,
    requirements: await Promise.all(requirements.map((r) => (0, import_promises18.readFile)(r, "utf8"))),
    shim: await hashTree(import_node_path25.default.join(packageRoot(), "python", "pyseal_capture")),
    tools: BUILD_TOOLS_AS_WHEELS,
    accelerators: acceleratorEnv(request.env),
    // The C++ driver, named the same in every cache root (zig's carries its version in its path).
    cxx: request.cxx && import_node_path25.default.isAbsolute(request.cxx) ? import_node_path25.default.relative(cacheRoot, request.cxx) : request.cxx,
    recipe: PACKAGES.recipeVersion,
    libraries: request.libraries?.identity,
    epoch: chosenSourceDateEpoch()
  };
}
async function installInto(request, key, root, keyParts) {
  const { project, requirements, log } = request;
  const siteDir = import_node_path25.default.join(root, "site");
  const captureDir = import_node_path25.default.join(root, "capture");
  await (0, import_promises18.mkdir)(captureDir, { recursive: true });
  await installCaptureShim(request.buildDistribution);
  const pip = { prefixes: await configuredPrefixes(request.buildDistribution) };
  const projectCopy = import_node_path25.default.join(root, "project", import_node_path25.default.basename(project));
  await copyProjectTree(project, projectCopy);
  const requirementArgs = requirements.flatMap((r) => ["-r", r]);
  const dependencies = await staticDependencies(project);
  let fromCache = 0;
  if (dependencies === null) {
    log(
      `  pip install (from source) ${import_node_path25.default.basename(project)}${requirements.length ? " + " + requirements.map((r) => import_node_path25.default.basename(r)).join(", ") : ""} (its dependencies are not static in pyproject.toml: they are built with it)`
    );
    await pipInstall(request, { ...pip, siteDir, captureDir, logFile: import_node_path25.default.join(root, "pip.log") }, [
      projectCopy,
      ...requirementArgs
    ]);
  } else {
    const layer = dependencies.length + requirements.length > 0 ? await buildDependencyLayer(request, dependencies, keyParts, pip.prefixes) : null;
    log(`  pip install (from source) ${import_node_path25.default.basename(project)}, without its dependencies`);
    await pipInstall(request, { ...pip, siteDir, captureDir, logFile: import_node_path25.default.join(root, "pip.log") }, [
      "--no-deps",
      projectCopy
    ]);
    if (layer) {
      await mergeDependencyLayer(layer.root, root);
      if (layer.reused) fromCache = (await readCapture(import_node_path25.default.join(layer.root, "capture"))).records.length;
    }
  }
  const records = (await readCapture(captureDir)).records.length;
  await (0, import_promises18.writeFile)(import_node_path25.default.join(root, "build.json"), JSON.stringify({ key, records }, null, 2) + "\n");
  return records - fromCache;
}

// src/packages/entry-point.ts
var import_node_fs19 = require("node:fs");
var import_node_path26 = __toESM(require("node:path"));
var EntryPointError = class extends UserError {
  constructor(entryPoint, module2) {
    const cause = `does not resolve: module ${module2} is not in the project or its requirements`;
    const fix = "Check --entry-point (or [project.scripts]) against the package layout.";
    super({ input: `The entry point "${entryPoint}"`, cause, fix }, `The entry point "${entryPoint}" ${cause}. ${fix}`);
    this.name = "EntryPointError";
  }
};
function checkEntryPoint(entryPoint, siteDir, installed) {
  if (!entryPoint) return;
  const module2 = entryPoint.split(":")[0];
  const relative = module2.split(".").join(import_node_path26.default.sep);
  const candidates = [`${relative}.py`, import_node_path26.default.join(relative, "__init__.py"), import_node_path26.default.join(relative, "__main__.py")];
  if (candidates.some((c) => (0, import_node_fs19.existsSync)(import_node_path26.default.join(siteDir, c)))) return;
  if (installed.some((e) => e.module === module2)) return;
  throw new EntryPointError(entryPoint, module2);
}

// src/distribution/obtain.ts
var import_node_fs30 = require("node:fs");
var import_node_path46 = __toESM(require("node:path"));

// src/toolchain/select-toolchain.ts
var ToolchainUnavailableError = class extends UserError {
  constructor(parts2, message) {
    super(parts2, message);
    this.name = "ToolchainUnavailableError";
  }
};
function selectToolchain(target, host) {
  const glibcFloor = target.libc === "gnu" ? "host" : null;
  if (target.triple === host || sameMachineKind(target.triple, host)) {
    return { ...target, host, crossCompiling: false, configureHost: null, emulator: null, glibcFloor };
  }
  const cross = target.cross.find((c) => c.host === host);
  if (cross) {
    return {
      ...target,
      toolchain: cross.toolchain,
      host,
      crossCompiling: true,
      configureHost: cross.configureHost,
      emulator: cross.emulator,
      glibcFloor
    };
  }
  const from = target.cross.map((c) => c.host);
  const cause = `binaries cannot be built on this machine (${host}): pyseal has no cross toolchain for it here`;
  const fix = `Build it on a ${target.os} ${target.arch} machine (GitHub runner "${target.runner.label}"` + (from.length > 0 ? `, or from ${from.join(", ")}` : "") + "), for example with pyseal's reusable workflow, which gives every target its own runner.";
  throw new ToolchainUnavailableError({ input: target.triple, cause, fix }, `${target.triple} ${cause}. ${fix}`);
}
function sameMachineKind(triple, host) {
  const [arch, , os4] = triple.split("-");
  const [hostArch, , hostOs] = host.split("-");
  return os4 === "linux" && hostOs === "linux" && arch === hostArch;
}
function requiredCommands(toolchain) {
  const compilers = toolchain.zigTarget ? [] : [toolchain.cc];
  const commands = [...compilers, toolchain.ar, toolchain.ld, toolchain.nm];
  if (toolchain.objcopy) commands.push(toolchain.objcopy);
  return [...new Set(commands)];
}
function installAdvice(install) {
  switch (install.kind) {
    case "apt":
      return `sudo apt-get install -y ${install.packages.join(" ")}`;
    case "xcode":
      return "xcode-select --install (Xcode command line tools)";
    case "msvc":
      return `install Visual Studio Build Tools with the C++ workload, and run from its "${install.arch}" developer environment`;
  }
}
async function ensureToolchain(target, options) {
  let missing = await missingCommands(target.toolchain);
  if (missing.length === 0) return;
  const install = target.toolchain.install;
  if (options.install && install.kind === "apt") {
    const update = asRoot(["apt-get", "update", "-qq"]);
    const installing = asRoot(["apt-get", "install", "-y", "-qq", ...install.packages]);
    options.log(
      `  ${missing.join(", ")} not found for ${target.triple}; running: ${commandLine(update)} && ${commandLine(installing)}`
    );
    const env = { ...options.env ?? process.env, DEBIAN_FRONTEND: "noninteractive" };
    try {
      if ((await runCommand({ ...update, env })).code === 0) await runCommand({ ...installing, env });
    } catch {
    }
    missing = await missingCommands(target.toolchain);
    if (missing.length === 0) return;
  }
  const cause = `${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not installed`;
  const fix = `Install ${missing.length === 1 ? "it" : "them"} with: ${installAdvice(install)}`;
  throw new ToolchainUnavailableError(
    { input: `the ${target.triple} toolchain`, cause, fix },
    `The ${target.triple} toolchain is incomplete on this machine: ${cause}. ${fix}`
  );
}
var commandLine = (run) => [run.command, ...run.args].join(" ");
function asRoot(words2) {
  return process.getuid?.() === 0 ? { command: words2[0], args: words2.slice(1) } : { command: "sudo", args: ["-n", ...words2] };
}
async function missingCommands(toolchain) {
  const missing = [];
  for (const command of requiredCommands(toolchain)) {
    const found = await runCommand({ command: "sh", args: ["-c", 'command -v "$1"', "sh", command] });
    if (found.code !== 0) missing.push(command);
  }
  return missing;
}

// src/distribution/cpython-source.ts
var import_node_path28 = __toESM(require("node:path"));

// src/distribution/source-mirrors.ts
var import_node_fs20 = require("node:fs");
var import_node_path27 = __toESM(require("node:path"));
async function mirrorBase(mirror, env = process.env) {
  if (mirror === "debian") return env.PYSEAL_DEBIAN_MIRROR || aptDebianMirror();
  const configured = env.GOPROXY || await goEnvProxy();
  return configured?.split(/[,|]/).find((entry) => /^https?:\/\//.test(entry)) ?? null;
}
function aptDebianMirror(dir = "/etc/apt") {
  const files = [import_node_path27.default.join(dir, "sources.list")];
  const listDir = import_node_path27.default.join(dir, "sources.list.d");
  if ((0, import_node_fs20.existsSync)(listDir)) files.push(...(0, import_node_fs20.readdirSync)(listDir).map((name) => import_node_path27.default.join(listDir, name)));
  for (const file of files.filter((f) => /\.(list|sources)$/.test(f) && (0, import_node_fs20.existsSync)(f))) {
    for (const line of (0, import_node_fs20.readFileSync)(file, "utf8").split("\n")) {
      const url = /^(?:URIs:\s*|deb(?:-src)?\s+(?:\[[^\]]*\]\s+)?)(https?:\/\/\S+\/debian)\/?(?:\s|$)/.exec(
        line.trim()
      )?.[1];
      if (url) return url;
    }
  }
  return null;
}
async function goEnvProxy() {
  const result = await runCommand({ command: "go", args: ["env", "GOPROXY"] }).catch(() => null);
  return result && result.code === 0 ? result.stdout.trim() : null;
}

// src/distribution/cpython-source.ts
var MIRROR_SETTING = {
  debian: "set PYSEAL_DEBIAN_MIRROR to a Debian archive, or add one to apt's sources",
  "go-proxy": "set GOPROXY, or install Go"
};
async function downloadCPythonSource(request) {
  const { url, sha256, cacheRoot, log } = request;
  const dir = import_node_path28.default.join(cacheRoot, "sources", contentKey({ url, sha256: sha256 ?? void 0 }, 16));
  const dest = import_node_path28.default.join(dir, request.name ?? (import_node_path28.default.basename(new URL(url).pathname) || "python.tgz"));
  return downloadVerified({ url, dest, sha256, log });
}
async function fetchCPythonSource(value, cacheRoot, log) {
  const version = parseCPythonValue(value)?.version;
  const release = (await loadCPythonReleases()).releases.find((r) => r.version === version);
  if (!version || !release) {
    throw new UserError({
      input: `python-distribution "${value}"`,
      cause: "names no release in pyseal's CPython release list",
      fix: "use --python-version X.Y (or X.Y.Z) instead"
    });
  }
  const failures = [];
  for (const source of release.sources) {
    const base = "mirror" in source ? await mirrorBase(source.mirror) : null;
    if ("mirror" in source && !base) {
      failures.push(`${source.from}: this machine names no ${source.mirror} mirror (${MIRROR_SETTING[source.mirror]})`);
      continue;
    }
    const url = "url" in source ? source.url : `${base?.replace(/\/+$/, "")}/${source.path}`;
    const name = url.endsWith(".zip") ? `cpython-${version}.zip` : void 0;
    try {
      log(`  CPython ${version} source from ${source.from}`);
      const { file } = await downloadCPythonSource({ url, sha256: source.sha256, name, cacheRoot, log });
      return { file, from: source.from };
    } catch (error) {
      if (!(error instanceof DownloadError)) throw error;
      failures.push(error.message);
    }
  }
  throw new UserError(
    {
      input: `CPython ${version}`,
      cause: "could not be fetched from any of its sources",
      fix: "check the network, or give --python-distribution a local source tarball"
    },
    `CPython ${version}'s source could not be fetched from any of its places:
  - ${failures.join("\n  - ")}
Check the network, or give --python-distribution a local source tarball of that version.`
  );
}

// src/distribution/source-build.ts
var import_promises26 = require("node:fs/promises");
var import_node_path45 = __toESM(require("node:path"));

// src/resolve/libraries.ts
var import_node_fs21 = require("node:fs");
var import_node_path29 = __toESM(require("node:path"));
async function linkerSearchDirs(toolchain, extraDirs = []) {
  if (toolchain.libraryDirs) return unique([...extraDirs, ...toolchain.libraryDirs]);
  const { stdout } = await runChecked({ command: toolchain.cc, args: ["-print-search-dirs"] });
  const line = stdout.split("\n").find((l) => l.startsWith("libraries:")) ?? "";
  const dirs = line.replace(/^libraries:\s*=?/, "").split(":").filter((d) => d !== "").map((d) => import_node_path29.default.normalize(d));
  return unique([...extraDirs, ...dirs]);
}
function resolveLibrary(name, toolchain, searchDirs) {
  if (toolchain.systemLibraries.includes(name)) return { name, kind: "system" };
  for (const dir of searchDirs) {
    const archive = import_node_path29.default.join(dir, `lib${name}.a`);
    if ((0, import_node_fs21.existsSync)(archive)) return { name, kind: "static", path: archive };
  }
  return { name, kind: "missing", searched: searchDirs };
}
function unique(items) {
  return [...new Set(items)];
}

// src/distribution/configured-tree.ts
var import_node_fs22 = require("node:fs");
var import_promises19 = require("node:fs/promises");
var import_node_path30 = __toESM(require("node:path"));
async function linkHaclArchives(buildDir) {
  const changed = [];
  for (const name of ["Makefile.pre", "Makefile"]) {
    const file = import_node_path30.default.join(buildDir, name);
    if (!(0, import_node_fs22.existsSync)(file)) continue;
    const text = await (0, import_promises19.readFile)(file, "utf8");
    const mended = haclArchiveWords(text);
    if (mended !== text) {
      await (0, import_promises19.writeFile)(file, mended);
      changed.push(name);
    }
  }
  return changed;
}
function haclArchiveWords(makefile) {
  return makefile.replace(
    /^MODULE_\w+=.*$/gm,
    (line) => line.replace(/\$\(LIBHACL_(\w+?)_LIB_SHARED\)/g, "$(LIBHACL_$1_LIB_STATIC)")
  );
}
async function skipInstalledBytecode(buildDir) {
  const makefile = import_node_path30.default.join(buildDir, "Makefile");
  const text = await (0, import_promises19.readFile)(makefile, "utf8");
  await (0, import_promises19.writeFile)(makefile, text.replace(COMPILEALL_CALL, ":"));
}
var COMPILEALL_CALL = /\$\(PYTHON_FOR_BUILD\) -Wi (?:-O+ )?\$\(DESTDIR\)\$\(LIBDEST\)\/compileall\.py/g;
function versionConfigureArgs(version) {
  const [major, minor] = version.split(".").map((part) => Number.parseInt(part, 10));
  return major === 3 && minor >= 15 ? ["--with-system-libmpdec=no"] : [];
}

// src/distribution/make-vars.ts
var import_promises20 = require("node:fs/promises");
var import_node_os5 = __toESM(require("node:os"));
var import_node_path31 = __toESM(require("node:path"));
async function readMakeVariables(buildDir, names) {
  const dir = await (0, import_promises20.mkdtemp)(import_node_path31.default.join(import_node_os5.default.tmpdir(), "pyseal-make-"));
  try {
    const printer = import_node_path31.default.join(dir, "print.mk");
    const lines = names.map((n) => `	@printf '%s\\t%s\\n' '${n}' '$(strip $(${n}))'`);
    await (0, import_promises20.writeFile)(printer, `pyseal-print-variables:
${lines.join("\n")}
`);
    const { stdout } = await runChecked({
      command: "make",
      args: ["--no-print-directory", "-s", "-f", "Makefile", "-f", printer, "pyseal-print-variables"],
      cwd: buildDir
    });
    const values = {};
    for (const line of stdout.split("\n")) {
      const tab = line.indexOf("	");
      if (tab > 0) values[line.slice(0, tab)] = line.slice(tab + 1);
    }
    return values;
  } finally {
    await (0, import_promises20.rm)(dir, { recursive: true, force: true });
  }
}
function words(value) {
  return (value ?? "").split(/\s+/).filter((w) => w !== "");
}
async function expandLinkWords(buildDir, modules) {
  const variables = /* @__PURE__ */ new Set();
  for (const module2 of modules) {
    for (const word of module2.ldflags) {
      const match = /^\$\((\w+)\)$/.exec(word);
      if (match) variables.add(match[1]);
    }
  }
  const values = await readMakeVariables(buildDir, [...variables]);
  const result = /* @__PURE__ */ new Map();
  for (const module2 of modules) {
    const expanded = module2.ldflags.flatMap((word) => {
      const match = /^\$\((\w+)\)$/.exec(word);
      return match ? words(values[match[1]]) : [word];
    });
    result.set(module2.name, expanded);
  }
  return result;
}

// src/distribution/install-names.ts
async function readInstallNames(buildDir) {
  const vars = await readMakeVariables(buildDir, [
    "VERSION",
    "ABIFLAGS",
    "ABI_THREAD",
    "LDVERSION",
    "EXE",
    "SOABI",
    "EXT_SUFFIX"
  ]);
  return {
    minor: vars.VERSION,
    abiFlags: vars.ABIFLAGS,
    exe: `bin/python${vars.LDVERSION}${vars.EXE}`,
    stdlib: `lib/python${vars.VERSION}${vars.ABI_THREAD}`,
    include: `include/python${vars.LDVERSION}`,
    soabi: vars.SOABI,
    extSuffix: vars.EXT_SUFFIX
  };
}
function abiTag(names) {
  return `cp${names.minor.replace(".", "")}${names.abiFlags}`;
}

// src/distribution/layout.ts
var import_promises21 = require("node:fs/promises");
var import_node_path32 = __toESM(require("node:path"));

// src/distribution/setup-local.ts
var ruleLine = /^(?:@[A-Z0-9_]+@)?([A-Za-z_][A-Za-z0-9_]*)\s+\S+\.(?:c|cc|cpp|m)\b/;
function parseSetup(text) {
  const enabled = [];
  const commented = [];
  for (const rawLine of text.split("\n")) {
    const hash = rawLine.indexOf("#");
    const line = (hash > 0 ? rawLine.slice(0, hash) : rawLine).trim();
    if (line === "" || line.startsWith("*")) continue;
    if (line.startsWith("#")) {
      const match = ruleLine.exec(line.replace(/^#+\s*/, ""));
      if (match) commented.push(match[1]);
      continue;
    }
    if (line.includes("=")) continue;
    enabled.push(parseModuleLine(line));
  }
  return { enabled, commented };
}
function parseModuleLine(line) {
  const words2 = line.split(/\s+/).filter((w) => w !== "");
  const name = words2[0];
  const sources = [];
  const cflags = [];
  const ldflags = [];
  for (const word of words2.slice(1)) {
    if (/\.(c|cc|cpp|cxx|m)$/.test(word)) sources.push(word);
    else if (/^-[IDUCfF]/.test(word) || /^\$\(\w+_(CFLAGS|INCLUDES)\)$/.test(word)) cflags.push(word);
    else ldflags.push(word);
  }
  if (cflags.length === 0 && ldflags.length === 0) {
    const upper = name.toUpperCase();
    cflags.push(`$(MODULE_${upper}_CFLAGS)`);
    ldflags.push(`$(MODULE_${upper}_LDFLAGS)`);
  }
  return { name, sources, cflags, ldflags };
}
function objectForSource(source) {
  const base = source.replace(/\.(c|cc|cpp|cxx|m)$/, ".o");
  return `Modules/${base}`;
}
function renderModuleLine(module2) {
  for (const word of [...module2.cflags, ...module2.ldflags]) {
    if (word.includes("=") && !word.startsWith("$(")) {
      throw new Error(`Setup line for ${module2.name} has "${word}": makesetup reads "=" as a make variable`);
    }
  }
  return [module2.name, ...module2.sources, ...module2.cflags, ...module2.ldflags].join(" ");
}
function renderSetupLocal(statics, shared, disabled) {
  const lines = ["# Written by pyseal: every chosen stdlib extension module is built in.", "*static*"];
  lines.push(...statics.map(renderModuleLine));
  if (shared.length > 0) {
    lines.push(
      "",
      "# Test modules that their tests load as shared libraries.",
      "*shared*",
      ...shared.map(renderModuleLine)
    );
  }
  if (disabled.length > 0) {
    lines.push("", "*disabled*", ...disabled);
  }
  return lines.join("\n") + "\n";
}

// src/distribution/stdlib-modules.ts
var TEST_EXTENSIONS = [
  "_testcapi",
  "_testbuffer",
  "_testclinic",
  "_testclinic_limited",
  "_testlimitedcapi",
  "_ctypes_test",
  "_testimportmultiple",
  "xxsubtype"
];
var SHARED_TEST_EXTENSIONS = ["_ctypes_test"];
var POLICY_EXCLUSIONS = {
  _tkinter: "Tcl/Tk is not linked statically by pyseal (tkinter is left out of binaries)",
  _testinternalcapi: "cannot be a built-in module: it needs the interpreter-internal getpath code object",
  _testmultiphase: "test-only module whose several init functions cannot all be built in",
  _testsinglephase: "test-only module whose several init functions cannot all be built in",
  _testexternalinspection: "test-only module that inspects another process; not useful in a binary",
  _xxtestfuzz: "fuzzing harness, not useful in a binary",
  xxlimited: "example module, not useful in a binary",
  xxlimited_35: "example module, not useful in a binary",
  _xxsubinterpreters: "experimental module left out of binaries",
  nis: "needs libnsl and libtirpc, whose static archives pull in Kerberos; the module is deprecated",
  readline: "libreadline is GPL-licensed; pyseal does not link it into binaries (the REPL works without line editing)",
  _dbm: "needs a dbm library that pyseal does not link statically",
  _gdbm: "needs libgdbm (GPL-licensed), which pyseal does not link statically"
};
var MUSL_EXCLUSIONS = {
  _ctypes: "a static musl binary cannot load shared libraries, so ctypes would fail at import (MUSL_BUILTIN_ONLY)",
  _ctypes_test: "ctypes is not available in a static musl binary",
  _crypt: "musl has no separate libcrypt with the glibc interface",
  spwd: "musl has no shadow-password group API that the module needs"
};
function lines311(ffiIncludeDir) {
  const modules = [];
  if (ffiIncludeDir) {
    modules.push(
      parseModuleLine(
        `_ctypes _ctypes/_ctypes.c _ctypes/callbacks.c _ctypes/callproc.c _ctypes/stgdict.c _ctypes/cfield.c -DHAVE_FFI_PREP_CIF_VAR -DHAVE_FFI_PREP_CLOSURE_LOC -DHAVE_FFI_CLOSURE_ALLOC -I${ffiIncludeDir} -lffi -ldl`
      )
    );
  }
  modules.push(
    parseModuleLine(
      "_curses _cursesmodule.c -DHAVE_NCURSESW -D_XOPEN_SOURCE_EXTENDED -I/usr/include/ncursesw -lncursesw -ltinfo"
    ),
    parseModuleLine(
      "_curses_panel _curses_panel.c -DHAVE_NCURSESW -D_XOPEN_SOURCE_EXTENDED -I/usr/include/ncursesw -lpanelw -lncursesw -ltinfo"
    )
  );
  return modules;
}
function policyExclusion(module2, target) {
  if (target.libc === "musl" && MUSL_EXCLUSIONS[module2]) return MUSL_EXCLUSIONS[module2];
  return POLICY_EXCLUSIONS[module2] ?? null;
}
function chooseStdlibModules(candidates, commented, target, missingLibraries) {
  const statics = [];
  const shared = [];
  const notBuilt = [];
  const seen = /* @__PURE__ */ new Set();
  for (const module2 of candidates) {
    if (seen.has(module2.name)) continue;
    seen.add(module2.name);
    const excluded2 = policyExclusion(module2.name, target);
    if (excluded2) {
      notBuilt.push({ module: module2.name, cause: excluded2 });
      continue;
    }
    const missing = missingLibraries(module2);
    if (missing.length > 0) {
      const names = missing.map((l) => `lib${l}`).join(", ");
      notBuilt.push({ module: module2.name, cause: `needs ${names}, which has no static archive for ${target.triple}` });
      continue;
    }
    if (SHARED_TEST_EXTENSIONS.includes(module2.name) && target.capabilities.canLoadSharedLibraries) shared.push(module2);
    else statics.push(module2);
  }
  for (const name of commented) {
    if (seen.has(name)) continue;
    seen.add(name);
    notBuilt.push({
      module: name,
      cause: policyExclusion(name, target) ?? "configure found no usable library for it on the build machine"
    });
  }
  return { statics, shared, notBuilt };
}

// src/distribution/layout.ts
async function writeDistributionLayout(request) {
  const { root, buildDir, names } = request;
  const vars = await readMakeVariables(buildDir, ["LIBRARY_OBJS", "MODOBJS", "LIBS", "SYSLIBS"]);
  const kept = new BuildFiles(root, buildDir);
  const moduleObjects = new Set(words(vars.MODOBJS));
  const core = { objs: [], links: [] };
  for (const obj of words(vars.LIBRARY_OBJS)) {
    if (!moduleObjects.has(obj) && obj !== "Modules/config.o") core.objs.push(await kept.object(obj));
  }
  for (const word of [...words(vars.LIBS), ...words(vars.SYSLIBS)]) {
    if (word.startsWith("-l")) core.links.push({ name: word.slice(2), system: true });
  }
  const extensions = await staticExtensions(request, kept);
  for (const module2 of request.shared) {
    const sharedLib = import_node_path32.default.join("install", names.stdlib, "lib-dynload", `${module2.name}${names.extSuffix}`);
    await (0, import_promises21.access)(import_node_path32.default.join(root, sharedLib));
    extensions[module2.name] = [{ ...variant(module2.name, false), shared_lib: sharedLib }];
  }
  const inittabSource = await (0, import_promises21.readFile)(import_node_path32.default.join(buildDir, "Modules", "config.c"), "utf8");
  for (const [, name, fn] of inittabSource.matchAll(/\{"([^"]+)",\s*([A-Za-z_0-9]+)\}/g)) {
    if (!extensions[name]) extensions[name] = [{ ...variant(name, true), in_core: true, init_fn: fn }];
  }
  await kept.object("Modules/config.c");
  await kept.object("Modules/config.o");
  const json = pythonJson(request, core, extensions);
  await (0, import_promises21.writeFile)(import_node_path32.default.join(root, "PYTHON.json"), JSON.stringify(json, null, 2) + "\n");
}
var BuildFiles = class {
  constructor(root, buildDir) {
    this.root = root;
    this.buildDir = buildDir;
  }
  root;
  buildDir;
  copied = /* @__PURE__ */ new Set();
  /** An object (or other file) of the build directory. */
  object(relative) {
    return this.copy(import_node_path32.default.join(this.buildDir, relative), import_node_path32.default.join("build", relative));
  }
  /** A static archive, from the build directory or anywhere (a system or static-deps library). */
  archive(source, name) {
    const from = import_node_path32.default.isAbsolute(source) ? source : import_node_path32.default.join(this.buildDir, source);
    return this.copy(from, import_node_path32.default.join("build", "lib", `lib${name}.a`));
  }
  async copy(from, dest) {
    if (!this.copied.has(dest)) {
      await (0, import_promises21.mkdir)(import_node_path32.default.dirname(import_node_path32.default.join(this.root, dest)), { recursive: true });
      await (0, import_promises21.copyFile)(from, import_node_path32.default.join(this.root, dest));
      this.copied.add(dest);
    }
    return dest;
  }
};
function variant(name, required) {
  return { in_core: false, init_fn: `PyInit_${name}`, objs: [], links: [], required, variant: "default" };
}
async function staticExtensions(request, kept) {
  const { buildDir, target } = request;
  const bootstrap = parseSetup(await (0, import_promises21.readFile)(import_node_path32.default.join(buildDir, "Modules", "Setup.bootstrap"), "utf8")).enabled;
  const fromSetup = parseSetup(await (0, import_promises21.readFile)(import_node_path32.default.join(request.srcDir, "Modules", "Setup"), "utf8")).enabled;
  const named = new Set([...bootstrap, ...request.statics].map((m) => m.name));
  const modules = [...bootstrap, ...request.statics, ...fromSetup.filter((m) => !named.has(m.name))];
  const linkWords = await expandLinkWords(buildDir, modules);
  const extensions = {};
  for (const module2 of modules) {
    const links = [];
    for (const word of linkWords.get(module2.name) ?? []) {
      if (word.startsWith("-l")) {
        const resolved = resolveLibrary(word.slice(2), target.toolchain, request.searchDirs);
        if (resolved.kind === "static") {
          links.push({ name: resolved.name, path_static: await kept.archive(resolved.path, resolved.name) });
        } else {
          links.push({ name: resolved.name, system: true });
        }
      } else if (word.endsWith(".a")) {
        const name = import_node_path32.default.basename(word, ".a").replace(/^lib/, "");
        links.push({ name, path_static: await kept.archive(word, name) });
      }
    }
    const objs = [];
    for (const source of module2.sources) objs.push(await kept.object(objectForSource(source)));
    extensions[module2.name] = [{ ...variant(module2.name, bootstrap.includes(module2)), objs, links }];
  }
  return extensions;
}
function pythonJson(request, core, extensions) {
  const { target, names } = request;
  return {
    version: "8",
    target_triple: target.triple,
    python_version: request.version,
    python_major_minor_version: names.minor,
    // python-build-standalone's names for the ABI (its version 8 format), so a report reads both alike.
    python_abi_tag: abiTag(names),
    python_config_vars: {
      ABIFLAGS: names.abiFlags,
      Py_GIL_DISABLED: names.abiFlags.includes("t") ? "1" : "0",
      SOABI: names.soabi,
      EXT_SUFFIX: names.extSuffix
    },
    python_exe: `install/${names.exe}`,
    python_paths: {
      stdlib: `install/${names.stdlib}`,
      include: `install/${names.include}`,
      purelib: `install/${names.stdlib}/site-packages`
    },
    python_extension_module_loading: target.capabilities.canLoadSharedLibraries ? ["builtin", "shared-library"] : ["builtin"],
    python_stdlib_test_packages: [
      "test",
      "idlelib.idle_test",
      "tkinter.test",
      "unittest.test",
      "ctypes.test",
      "sqlite3.test",
      "lib2to3.tests",
      "distutils.tests"
    ],
    libpython_link_mode: "static",
    build_info: {
      core,
      extensions,
      inittab_object: "build/Modules/config.o",
      inittab_source: "build/Modules/config.c",
      inittab_cflags: ["-DNDEBUG", "-DPy_BUILD_CORE"],
      object_file_format: "elf"
    },
    pyseal: {
      source_sha256: request.sourceSha256,
      key: request.key,
      not_built: request.notBuilt,
      test_extensions: TEST_EXTENSIONS.filter((name) => extensions[name]),
      include_dir: `install/${names.include}`
    }
  };
}

// src/distribution/source-archive.ts
var import_node_fs23 = require("node:fs");
var import_promises22 = require("node:fs/promises");
var import_node_path33 = __toESM(require("node:path"));
async function unpackSourceArchive(file, work) {
  if (file.endsWith(".zip")) {
    await runChecked({ command: "unzip", args: ["-q", file, "-d", work] });
    const srcDir = await findConfigure(work, 3);
    if (srcDir) await restoreScriptModes(srcDir);
    return srcDir;
  }
  await runChecked({ command: "tar", args: ["-xf", file, "-C", work] });
  return findConfigure(work, 1);
}
async function findConfigure(dir, depth) {
  if ((0, import_node_fs23.existsSync)(import_node_path33.default.join(dir, "configure"))) return dir;
  if (depth === 0) return null;
  for (const entry of (await (0, import_promises22.readdir)(dir, { withFileTypes: true })).sort((a, b) => a.name < b.name ? -1 : 1)) {
    if (!entry.isDirectory()) continue;
    const found = await findConfigure(import_node_path33.default.join(dir, entry.name), depth - 1);
    if (found) return found;
  }
  return null;
}
async function restoreScriptModes(dir) {
  for (const entry of await (0, import_promises22.readdir)(dir, { withFileTypes: true })) {
    const full = import_node_path33.default.join(dir, entry.name);
    if (entry.isDirectory()) await restoreScriptModes(full);
    else if (entry.isFile() && await startsWithShebang(full)) await (0, import_promises22.chmod)(full, 493);
  }
}
async function startsWithShebang(file) {
  const handle = await (0, import_promises22.open)(file, "r");
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head.toString("latin1") === "#!";
  } finally {
    await handle.close();
  }
}

// src/toolchain/toolchain-env.ts
var import_node_fs28 = require("node:fs");
var import_node_path42 = __toESM(require("node:path"));

// src/exec/shell-quote.ts
function shellQuote(word) {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

// src/toolchain/musl-kernel-headers.ts
var import_node_fs24 = require("node:fs");
var import_node_path34 = __toESM(require("node:path"));
var KERNEL_HEADER_DIRS = ["linux", "asm-generic", "mtd", "misc", "rdma", "sound", "video", "xen"];
function kernelHeaderLinks(options = {}) {
  const root = options.includeRoot ?? "/usr/include";
  const multiarch = options.multiarch ?? "x86_64-linux-gnu";
  const links = {};
  for (const dir of KERNEL_HEADER_DIRS) {
    const target = import_node_path34.default.join(root, dir);
    if ((0, import_node_fs24.existsSync)(target)) links[dir] = target;
  }
  const asmCandidates = [import_node_path34.default.join(root, multiarch, "asm"), import_node_path34.default.join(root, "asm")];
  const asm = asmCandidates.find((candidate) => (0, import_node_fs24.existsSync)(candidate));
  if (asm) links.asm = asm;
  const missing = ["linux", "asm-generic", "asm"].filter((name) => !links[name]);
  if (missing.length > 0) {
    throw new UserError({
      input: "The Linux kernel headers needed by musl-gcc",
      cause: `were not found (missing: ${missing.join(", ")} under ${root} and ${import_node_path34.default.join(root, multiarch)})`,
      fix: "install them (Debian/Ubuntu: apt-get install linux-libc-dev) and retry"
    });
  }
  return links;
}
async function ensureMuslKernelHeaders(cacheDir, options = {}) {
  const links = kernelHeaderLinks(options);
  const names = Object.keys(links).sort();
  const digest = sha256Text(JSON.stringify(names.map((name) => [name, links[name]]))).slice(0, 16);
  const entry = await cachedEntry({
    kind: KERNEL_HEADERS,
    root: import_node_path34.default.join(import_node_path34.default.resolve(cacheDir), `musl-kernel-headers-${digest}`),
    describe: `kernel headers ${digest}`,
    build: async (dir) => {
      for (const name of names) await import_node_fs24.promises.symlink(links[name], import_node_path34.default.join(dir, name));
    },
    log: options.log ?? (() => void 0)
  });
  return entry.root;
}
var MUSL_BASE_CFLAGS = "-fPIC -O2";
function muslToolchainEnv(prefix, headersDir) {
  const isystem = `-isystem ${headersDir}`;
  return {
    CC: "musl-gcc",
    CFLAGS: `${MUSL_BASE_CFLAGS} ${isystem}`,
    CPPFLAGS: `-I${import_node_path34.default.join(prefix, "include")} ${isystem}`,
    LDFLAGS: `-L${import_node_path34.default.join(prefix, "lib")}`,
    PKG_CONFIG_LIBDIR: import_node_path34.default.join(prefix, "lib", "pkgconfig"),
    PKG_CONFIG_PATH: "",
    AR: "ar",
    RANLIB: "ranlib"
  };
}
function muslPathFreeBuildEnv(headersDir, pkgConfigLibdir) {
  return {
    CC: "musl-gcc",
    CFLAGS: MUSL_BASE_CFLAGS,
    CPPFLAGS: "",
    LDFLAGS: "",
    C_INCLUDE_PATH: headersDir,
    PKG_CONFIG_LIBDIR: pkgConfigLibdir,
    PKG_CONFIG_PATH: "",
    AR: "ar",
    RANLIB: "ranlib"
  };
}

// src/toolchain/zig.ts
var import_promises24 = require("node:fs/promises");
var import_node_path36 = __toESM(require("node:path"));

// src/toolchain/write-script.ts
var import_promises23 = require("node:fs/promises");
var import_node_path35 = __toESM(require("node:path"));
async function writeScript(file, text) {
  await (0, import_promises23.mkdir)(import_node_path35.default.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  await (0, import_promises23.writeFile)(partial, text);
  await (0, import_promises23.chmod)(partial, 493);
  await (0, import_promises23.rename)(partial, file);
}

// src/toolchain/zig.ts
var ZIG_RELEASE = {
  version: "0.17.1",
  sha256: [
    // manylinux x86_64 host
    "ea6cc5d87b033cf0aedfbc8f9549a908cae6c50ac31f1698188fa48a74524b54",
    // manylinux aarch64 host
    "b7c5f02fccd40f89b999ee16a1f5ddced56e6182370f8affe494bcf8a28cf07e"
  ]
};
var ZigInstallError = class extends FailedStepError {
  constructor(step, failure) {
    super({
      input: `zig ${ZIG_RELEASE.version}`,
      what: `Installing zig ${ZIG_RELEASE.version} (the compiler pyseal uses for a glibc floor and for C++ on musl)`,
      step,
      ...failure,
      fix: "check that python3 -m pip can reach the package index, or install the ziglang wheel into the cache by hand."
    });
    this.name = "ZigInstallError";
  }
};
async function ensureZig(cacheRoot, log) {
  const toolchainDir = import_node_path36.default.join(import_node_path36.default.resolve(cacheRoot), "toolchain");
  const { root: home } = await cachedEntry({
    kind: ZIG,
    root: import_node_path36.default.join(toolchainDir, `zig-${ZIG_RELEASE.version}`),
    describe: `zig ${ZIG_RELEASE.version}`,
    build: installZig,
    log
  });
  return { home, zig: import_node_path36.default.join(home, "ziglang", "zig"), globalCache: import_node_path36.default.join(toolchainDir, "zig-cache") };
}
function driverPreamble(installed, what) {
  return `#!/bin/sh
# Written by pyseal: ${what}.
if [ -z "\${ZIG_GLOBAL_CACHE_DIR:-}" ]; then ZIG_GLOBAL_CACHE_DIR=${shellQuote(installed.globalCache)}; fi
export ZIG_GLOBAL_CACHE_DIR
`;
}
function runZig(installed, words2) {
  return `scratch=$(mktemp -d "\${TMPDIR:-/tmp}/pyseal-zig.XXXXXX") || exit 1
ZIG_LOCAL_CACHE_DIR="$scratch" ${[installed.zig, ...words2].map(shellQuote).join(" ")} "$@"
status=$?
rm -rf "$scratch"
exit $status
`;
}
async function ensureZigCxx(cacheRoot, zigTarget, log) {
  const installed = await ensureZig(cacheRoot, log);
  const driver = import_node_path36.default.join(installed.home, "bin", `c++-${zigTarget}`);
  const script = driverPreamble(installed, `C++ for ${zigTarget} through zig ${ZIG_RELEASE.version} (clang with libc++)`) + runZig(installed, ["c++", "-target", zigTarget, "-fno-sanitize=undefined"]);
  await writeScript(driver, script);
  return { driver, version: ZIG_RELEASE.version };
}
async function ensureZigDrivers(cacheRoot, zigTarget, libgcc, log) {
  const installed = await ensureZig(cacheRoot, log);
  const written2 = [];
  for (const language of ["cc", "c++"]) {
    const driver = import_node_path36.default.join(installed.home, "bin", `${language}-${zigTarget}`);
    const what = `${language === "cc" ? "C" : "C++"} for ${zigTarget} through zig ${ZIG_RELEASE.version}`;
    const script = driverPreamble(installed, what) + (libgcc ? libgccOnEveryLink(libgcc) : "") + // No UBSan traps (zig's default without -O); __DATE__ is a warning, as with gcc, not zig's error.
    runZig(installed, [language, "-target", zigTarget, "-fno-sanitize=undefined", "-Wno-error=date-time"]);
    await writeScript(driver, script);
    written2.push(driver);
  }
  return { cc: written2[0], cxx: written2[1] };
}
function libgccOnEveryLink(archive) {
  return `# libgcc.a sha256 ${archive.sha256}
link=no
for a do case "$a" in -o) link=yes ;; esac; done
for a do case "$a" in -c|-S|-E|-M|-MM) link=no ;; esac; done
if [ "$link" = yes ]; then set -- "$@" ${shellQuote(archive.path)}; fi
`;
}
async function zigDriversIdentity(drivers, cacheRoot) {
  const scripts = await (0, import_promises24.readFile)(drivers.cc, "utf8") + await (0, import_promises24.readFile)(drivers.cxx, "utf8");
  return { drivers: sha256Text(scripts.split(import_node_path36.default.resolve(cacheRoot)).join("{cache-dir}")) };
}
async function installZig(dir, work) {
  await (0, import_promises24.mkdir)(work, { recursive: true });
  const requirements = import_node_path36.default.join(work, "requirements.txt");
  const hashes = ZIG_RELEASE.sha256.map((h) => ` --hash=sha256:${h}`).join("");
  await (0, import_promises24.writeFile)(requirements, `ziglang==${ZIG_RELEASE.version}${hashes}
`);
  const result = await runCommand({
    command: "python3",
    args: [
      "-m",
      "pip",
      "install",
      "--disable-pip-version-check",
      "--no-deps",
      "--only-binary",
      ":all:",
      "--require-hashes",
      "--target",
      dir,
      "-r",
      requirements
    ]
  });
  if (result.code !== 0) {
    throw new ZigInstallError("pip install", {
      reason: `python3 -m pip install ziglang==${ZIG_RELEASE.version} exited with ${result.code}`,
      log: { text: result.stdout + result.stderr }
    });
  }
  const version = await runCommand({ command: import_node_path36.default.join(dir, "ziglang", "zig"), args: ["version"] });
  if (version.code !== 0 || version.stdout.trim() !== ZIG_RELEASE.version) {
    throw new ZigInstallError("zig version", {
      reason: `the installed zig answers "${version.stdout.trim() || version.stderr.trim()}"`
    });
  }
}

// src/toolchain/static-deps.ts
var import_node_fs27 = require("node:fs");
var import_node_path40 = __toESM(require("node:path"));

// src/utils/in-parallel.ts
async function inParallel(items, limit, task) {
  let next = 0;
  let failure = null;
  const worker = async () => {
    while (next < items.length && !failure) {
      const item = items[next++];
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure) throw failure.error;
}

// src/toolchain/static-deps-build.ts
var import_node_fs25 = require("node:fs");
var import_node_path37 = __toESM(require("node:path"));
var CONFIGURED_PREFIX = "/nonexistent/pyseal-static-deps";
async function buildOne(args) {
  const { recipe, source, destdir, stagedPrefix } = args;
  const srcDir = import_node_path37.default.join(args.work, "src", recipe.name);
  await import_node_fs25.promises.mkdir(srcDir, { recursive: true });
  const logPath = import_node_path37.default.join(args.logDir, `${args.key}-${recipe.name}.log`);
  await import_node_fs25.promises.mkdir(import_node_path37.default.dirname(logPath), { recursive: true });
  const logText = [];
  const append = (chunk) => {
    logText.push(chunk);
  };
  const toolchain = args.recipeEnv(import_node_path37.default.join(stagedPrefix, "lib", "pkgconfig"));
  const env = recipeEnv(toolchain);
  env.PKG_CONFIG_SYSROOT_DIR = destdir;
  const vars = {
    prefix: CONFIGURED_PREFIX,
    destdir,
    jobs: String(args.jobs),
    version: source.upstreamVersion,
    ...toolchain
  };
  const substitute = (text) => text.replace(/@([A-Za-z_]+)@/g, (whole, name) => name in vars ? vars[name] : whole);
  const run = async (step, spec) => {
    args.log(`static deps: ${recipe.name}: ${step}`);
    append(`
$ ${spec.command} ${spec.args.join(" ")}
`);
    const res = await runCommand({ ...spec, onOutput: append });
    if (res.code !== 0) {
      await import_node_fs25.promises.writeFile(logPath, logText.join(""));
      throw new FailedStepError({
        input: `static dependency ${recipe.name}`,
        what: `Static dependency ${recipe.name} (Debian source ${source.sourcePackage} ${source.debianVersion})`,
        step,
        reason: `\`${spec.command} ${spec.args.join(" ")}\` exited with ${res.code}`,
        log: { text: logText.join(""), file: logPath },
        fix: recipeStepFix(recipe.name)
      });
    }
  };
  if (args.tarballPath.endsWith(".zip")) {
    const unzipped = import_node_path37.default.join(args.work, "unzip", recipe.name);
    await import_node_fs25.promises.mkdir(unzipped, { recursive: true });
    await run("unpack", { command: "unzip", args: ["-q", args.tarballPath, "-d", unzipped], env });
    const [top] = await import_node_fs25.promises.readdir(unzipped);
    await import_node_fs25.promises.rm(srcDir, { recursive: true });
    await import_node_fs25.promises.rename(import_node_path37.default.join(unzipped, top), srcDir);
  } else {
    await run("unpack", { command: "tar", args: ["-xf", args.tarballPath, "-C", srcDir, "--strip-components=1"], env });
  }
  for (const step of recipe.steps) {
    const [command, ...rest] = step.argv.map(substitute);
    await run(step.step, { command, args: rest, cwd: srcDir, env });
  }
  for (const file of recipe.generatedFiles ?? []) {
    const target = import_node_path37.default.join(stagedPrefix, file.path);
    await import_node_fs25.promises.mkdir(import_node_path37.default.dirname(target), { recursive: true });
    await import_node_fs25.promises.writeFile(target, substitute(file.content));
  }
  const missing = recipe.produces.filter((file) => !(0, import_node_fs25.existsSync)(import_node_path37.default.join(stagedPrefix, file)));
  if (missing.length > 0) {
    await import_node_fs25.promises.writeFile(logPath, logText.join(""));
    throw new FailedStepError({
      input: `static dependency ${recipe.name}`,
      what: `Static dependency ${recipe.name} (Debian source ${source.sourcePackage} ${source.debianVersion})`,
      step: "verify",
      reason: `the build succeeded but did not install ${missing.join(", ")}`,
      log: { text: logText.join(""), file: logPath },
      fix: `the upstream build layout changed; adjust the '${recipe.name}' recipe in src/toolchain/static-deps-recipes.ts.`
    });
  }
  await import_node_fs25.promises.writeFile(logPath, logText.join(""));
  await import_node_fs25.promises.rm(srcDir, { recursive: true, force: true });
}
function recipeEnv(toolchain) {
  const env = {
    ...process.env,
    ...toolchain,
    LC_ALL: "C",
    SOURCE_DATE_EPOCH: DEFAULT_SOURCE_DATE_EPOCH
  };
  const ignored = ["CPATH", "LIBRARY_PATH", "PKG_CONFIG_SYSROOT_DIR", "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "DESTDIR"];
  for (const name of ignored) delete env[name];
  return env;
}
async function finishPrefix(stagedPrefix) {
  const libDir = import_node_path37.default.join(stagedPrefix, "lib");
  for (const entry of await import_node_fs25.promises.readdir(libDir)) {
    if (entry.endsWith(".la")) await import_node_fs25.promises.rm(import_node_path37.default.join(libDir, entry));
  }
  const pcDir = import_node_path37.default.join(libDir, "pkgconfig");
  if (!(0, import_node_fs25.existsSync)(pcDir)) return;
  const destdir = stagedPrefix.slice(0, stagedPrefix.length - CONFIGURED_PREFIX.length);
  for (const entry of await import_node_fs25.promises.readdir(pcDir)) {
    if (!entry.endsWith(".pc")) continue;
    const file = import_node_path37.default.join(pcDir, entry);
    const text = await import_node_fs25.promises.readFile(file, "utf8");
    const relocated = text.replace(/^prefix=.*$/m, "prefix=${pcfiledir}/../..").split(stagedPrefix).join("${prefix}").split(CONFIGURED_PREFIX).join("${prefix}");
    if (relocated.includes(destdir)) {
      throw new Error(`Static deps: ${entry} refers to the temporary build directory; the recipe leaks a path.`);
    }
    await import_node_fs25.promises.writeFile(file, relocated);
  }
}
function recipeStepFix(recipe) {
  return `check that the build tools are installed (musl-tools for musl, make, perl for OpenSSL, tclsh for sqlite3), then retry; nothing was added to the cache. If the source itself does not build for the target, adjust the '${recipe}' recipe in src/toolchain/static-deps-recipes.ts.`;
}

// src/toolchain/static-deps-compilers.ts
var import_node_fs26 = require("node:fs");
var import_node_path38 = __toESM(require("node:path"));
async function muslCompiler(cacheRoot, log) {
  const kernelHeaders = await ensureMuslKernelHeaders(cacheRoot, { log });
  return {
    libc: "musl",
    identity: { ...await muslToolchainIdentity() },
    kernelHeaders,
    recipeEnv: (pkgConfigLibdir) => muslPathFreeBuildEnv(kernelHeaders, pkgConfigLibdir)
  };
}
function glibcFloorCompiler(drivers) {
  return {
    libc: "gnu",
    glibcFloor: drivers.floor,
    identity: drivers.identity,
    kernelHeaders: null,
    recipeEnv: (pkgConfigLibdir) => zigRecipeEnv(drivers, pkgConfigLibdir)
  };
}
function zigMuslCompiler(drivers) {
  return {
    libc: "musl",
    identity: drivers.identity,
    kernelHeaders: null,
    recipeEnv: (pkgConfigLibdir) => zigRecipeEnv(drivers, pkgConfigLibdir)
  };
}
function zigRecipeEnv(drivers, pkgConfigLibdir) {
  return {
    PATH: [import_node_path38.default.dirname(drivers.cc), process.env.PATH].filter(Boolean).join(import_node_path38.default.delimiter),
    CC: import_node_path38.default.basename(drivers.cc),
    // clang refuses calls without a declaration where gcc 12 warns: libffi 3.4.4's tramp.c has one.
    CFLAGS: "-fPIC -O2 -Wno-error=implicit-function-declaration",
    CPPFLAGS: "",
    LDFLAGS: "",
    PKG_CONFIG_LIBDIR: pkgConfigLibdir,
    PKG_CONFIG_PATH: "",
    AR: drivers.ar,
    RANLIB: drivers.ar === "ar" ? "ranlib" : drivers.ar.replace(/ar$/, "ranlib")
  };
}
async function muslToolchainIdentity() {
  const which = await runCommand({ command: "sh", args: ["-c", "command -v musl-gcc"] });
  const wrapper = which.stdout.trim();
  if (which.code !== 0 || !wrapper) {
    const fix = "install it (Debian/Ubuntu: apt-get install musl-tools) and retry";
    throw new UserError({ input: "musl-gcc (for static dependencies on musl)", cause: "was not found on PATH", fix });
  }
  const version = await runChecked({ command: "musl-gcc", args: ["--version"] });
  const identity = {
    compiler: version.stdout.split("\n")[0].trim(),
    specsSha256: "",
    libcSha256: "",
    kernelVersionHeaderSha256: ""
  };
  const script = await import_node_fs26.promises.readFile(wrapper, "utf8").catch(() => "");
  const specs = /-specs\s+"?([^"\s]+)"?/.exec(script)?.[1];
  if (specs && (0, import_node_fs26.existsSync)(specs)) {
    identity.specsSha256 = await sha256File(specs);
    const libc = import_node_path38.default.join(import_node_path38.default.dirname(specs), "libc.a");
    if ((0, import_node_fs26.existsSync)(libc)) identity.libcSha256 = await sha256File(libc);
  }
  if ((0, import_node_fs26.existsSync)("/usr/include/linux/version.h")) {
    identity.kernelVersionHeaderSha256 = await sha256File("/usr/include/linux/version.h");
  }
  return identity;
}

// src/toolchain/static-deps-recipes.ts
var autotoolsStatic = [
  "--disable-shared",
  "--enable-static",
  "--with-pic",
  "--prefix=@prefix@",
  "--libdir=@prefix@/lib"
];
var makeAndInstall = [
  { step: "build", argv: ["make", "-j@jobs@"] },
  { step: "install", argv: ["make", "install", "DESTDIR=@destdir@"] }
];
var STATIC_LIBRARY_RECIPES = [
  {
    name: "zlib",
    sourcePackage: "zlib",
    usedBy: "zlib, binascii.crc32, zipimport of compressed archives",
    steps: [
      // zlib's own configure script reads CC and CFLAGS from the environment.
      { step: "configure", argv: ["./configure", "--static", "--prefix=@prefix@", "--libdir=@prefix@/lib"] },
      { step: "build", argv: ["make", "-j@jobs@", "libz.a"] },
      { step: "install", argv: ["make", "install", "DESTDIR=@destdir@"] }
    ],
    produces: ["lib/libz.a", "include/zlib.h", "include/zconf.h", "lib/pkgconfig/zlib.pc"],
    archives: ["lib/libz.a"]
  },
  {
    name: "bzip2",
    sourcePackage: "bzip2",
    usedBy: "_bz2",
    steps: [
      // No autotools: build the library target only, passing the toolchain on the make line.
      {
        step: "build",
        argv: [
          "make",
          "-j@jobs@",
          "libbz2.a",
          "CC=@CC@",
          "AR=@AR@",
          "RANLIB=@RANLIB@",
          "CFLAGS=@CFLAGS@ -D_FILE_OFFSET_BITS=64"
        ]
      },
      { step: "install", argv: ["install", "-D", "-m", "644", "bzlib.h", "@destdir@@prefix@/include/bzlib.h"] },
      { step: "install", argv: ["install", "-D", "-m", "644", "libbz2.a", "@destdir@@prefix@/lib/libbz2.a"] }
    ],
    generatedFiles: [
      {
        path: "lib/pkgconfig/bzip2.pc",
        content: [
          "prefix=@prefix@",
          "exec_prefix=${prefix}",
          "libdir=${exec_prefix}/lib",
          "includedir=${prefix}/include",
          "",
          "Name: bzip2",
          "Description: A file compression library (static, built for musl)",
          "Version: @version@",
          "Libs: -L${libdir} -lbz2",
          "Cflags: -I${includedir}",
          ""
        ].join("\n")
      }
    ],
    produces: ["lib/libbz2.a", "include/bzlib.h", "lib/pkgconfig/bzip2.pc"],
    archives: ["lib/libbz2.a"]
  },
  {
    name: "liblzma",
    sourcePackage: "xz-utils",
    usedBy: "_lzma",
    steps: [
      {
        step: "configure",
        argv: [
          "./configure",
          ...autotoolsStatic,
          "--disable-xz",
          "--disable-xzdec",
          "--disable-lzmadec",
          "--disable-lzmainfo",
          "--disable-lzma-links",
          "--disable-scripts",
          "--disable-doc",
          "--disable-nls"
        ]
      },
      ...makeAndInstall
    ],
    produces: ["lib/liblzma.a", "include/lzma.h", "include/lzma/version.h", "lib/pkgconfig/liblzma.pc"],
    archives: ["lib/liblzma.a"]
  },
  {
    name: "libffi",
    sourcePackage: "libffi",
    usedBy: "_ctypes",
    steps: [
      {
        step: "configure",
        argv: ["./configure", ...autotoolsStatic, "--disable-docs", "--disable-multi-os-directory"]
      },
      ...makeAndInstall
    ],
    produces: ["lib/libffi.a", "include/ffi.h", "include/ffitarget.h", "lib/pkgconfig/libffi.pc"],
    archives: ["lib/libffi.a"]
  },
  {
    name: "sqlite3",
    sourcePackage: "sqlite3",
    usedBy: "_sqlite3",
    steps: [
      // Debian's orig tarball is the full source tree: the amalgamation (sqlite3.c) is
      // generated with tclsh; the Tcl extension, the shell's line editing are left out.
      {
        step: "configure",
        argv: [
          "./configure",
          ...autotoolsStatic,
          "--disable-tcl",
          "--disable-readline",
          "--disable-editline",
          "--enable-fts3",
          "--enable-fts4",
          "--enable-fts5",
          "--enable-rtree"
        ]
      },
      { step: "build", argv: ["make", "-j@jobs@", "libsqlite3.la", "sqlite3.h", "sqlite3.pc"] },
      { step: "install", argv: ["make", "lib_install", "DESTDIR=@destdir@"] },
      { step: "install", argv: ["install", "-D", "-m", "644", "sqlite3.h", "@destdir@@prefix@/include/sqlite3.h"] },
      {
        step: "install",
        argv: ["install", "-D", "-m", "644", "src/sqlite3ext.h", "@destdir@@prefix@/include/sqlite3ext.h"]
      },
      {
        step: "install",
        argv: ["install", "-D", "-m", "644", "sqlite3.pc", "@destdir@@prefix@/lib/pkgconfig/sqlite3.pc"]
      }
    ],
    produces: ["lib/libsqlite3.a", "include/sqlite3.h", "include/sqlite3ext.h", "lib/pkgconfig/sqlite3.pc"],
    archives: ["lib/libsqlite3.a"]
  },
  {
    name: "libuuid",
    sourcePackage: "util-linux",
    usedBy: "_uuid",
    steps: [
      // util-linux is big, but --disable-all-programs builds only the library asked for.
      {
        step: "configure",
        argv: [
          "./configure",
          ...autotoolsStatic,
          "--disable-all-programs",
          "--enable-libuuid",
          "--disable-nls",
          "--disable-asciidoc",
          "--disable-bash-completion",
          "--without-python",
          "--without-systemd",
          "--without-udev",
          "--without-tinfo",
          "--without-ncurses",
          "--without-readline"
        ]
      },
      { step: "build", argv: ["make", "-j@jobs@", "libuuid.la"] },
      { step: "install", argv: ["make", "install", "DESTDIR=@destdir@"] }
    ],
    produces: ["lib/libuuid.a", "include/uuid/uuid.h", "lib/pkgconfig/uuid.pc"],
    archives: ["lib/libuuid.a"]
  },
  {
    name: "openssl",
    sourcePackage: "openssl",
    usedBy: "_ssl, _hashlib",
    steps: [
      // OpenSSL 3.0 has no `no-docs` option (3.2 does); building only `build_libs` skips the
      // docs and programs anyway. OPENSSLDIR is compiled in and decides where the finished binary looks for
      // certificates (certs/, cert.pem) on the machine that runs it: /etc/ssl is where
      // Debian, Ubuntu, Alpine, Arch and others keep them. `no-module` builds the legacy
      // provider into libcrypto (a static binary cannot load modules anyway).
      {
        step: "configure",
        argv: [
          "./Configure",
          "linux-x86_64",
          "no-shared",
          "no-module",
          "no-tests",
          "no-afalgeng",
          "--prefix=@prefix@",
          "--libdir=lib",
          "--openssldir=/etc/ssl"
        ]
      },
      { step: "build", argv: ["make", "-j@jobs@", "build_libs"] },
      // install_dev only: `install` would also write openssl.cnf into /etc/ssl.
      { step: "install", argv: ["make", "install_dev", "DESTDIR=@destdir@"] }
    ],
    produces: [
      "lib/libssl.a",
      "lib/libcrypto.a",
      "include/openssl/ssl.h",
      "include/openssl/opensslv.h",
      "lib/pkgconfig/openssl.pc",
      "lib/pkgconfig/libssl.pc",
      "lib/pkgconfig/libcrypto.pc"
    ],
    archives: ["lib/libssl.a", "lib/libcrypto.a"]
  }
];
var LIBZSTD_RECIPE = {
  name: "libzstd",
  sourcePackage: "libzstd",
  usedBy: "_zstd (CPython 3.14+)",
  steps: [
    {
      step: "build",
      argv: ["make", "-C", "lib", "-j@jobs@", "libzstd.a", "libzstd.pc", "PREFIX=@prefix@", "LIBDIR=@prefix@/lib"]
    },
    {
      step: "install",
      argv: [
        "make",
        "-C",
        "lib",
        "install-static",
        "install-includes",
        "install-pc",
        "PREFIX=@prefix@",
        "LIBDIR=@prefix@/lib",
        "DESTDIR=@destdir@"
      ]
    }
  ],
  produces: ["lib/libzstd.a", "include/zstd.h", "include/zstd_errors.h", "include/zdict.h", "lib/pkgconfig/libzstd.pc"],
  archives: ["lib/libzstd.a"]
};
var ALL_LIBRARY_RECIPES = [...STATIC_LIBRARY_RECIPES, LIBZSTD_RECIPE];

// src/toolchain/static-deps-sources.ts
var import_node_path39 = __toESM(require("node:path"));

// src/toolchain/library-sources.json
var library_sources_default = {
  comment: "The sources of the C libraries pyseal builds from source, keyed by Debian source package: the first place is Debian 12's upstream tarball on the Debian archive the machine's settings name; the others are the project's own release files (same release; a different sha256 where Debian repacked it). Refreshed by `npm run update-library-sources`.",
  sources: {
    bzip2: {
      version: "1.0.8",
      debianVersion: "1.0.8-5",
      places: [
        {
          mirror: "debian",
          path: "pool/main/b/bzip2/bzip2_1.0.8.orig.tar.gz",
          sha256: "ab5a03176ee106d3f0fa90e381da478ddae405918153cca248e682cd0c4a2269",
          from: "Debian 12 (bookworm), source package bzip2 (its upstream tarball, checked against the suite's index)"
        },
        {
          url: "https://sourceware.org/pub/bzip2/bzip2-1.0.8.tar.gz",
          sha256: "ab5a03176ee106d3f0fa90e381da478ddae405918153cca248e682cd0c4a2269",
          from: "bzip2's release file (the same file as Debian's)"
        }
      ]
    },
    freetype: {
      version: "2.12.1+dfsg",
      debianVersion: "2.12.1+dfsg-5+deb12u4",
      places: [
        {
          mirror: "debian",
          path: "pool/main/f/freetype/freetype_2.12.1+dfsg.orig.tar.xz",
          sha256: "7dedb6b9adf331559daea614a83b8de42a753e685ec8e1c4bdb4529eb880b0d1",
          from: "Debian 12 (bookworm), source package freetype (its upstream tarball, checked against the suite's index)"
        },
        {
          url: "https://download.savannah.gnu.org/releases/freetype/freetype-2.12.1.tar.xz",
          sha256: "4766f20157cc4cf0cd292f80bf917f92d1c439b243ac3018debf6b9140c41a7f",
          from: "FreeType's release file (Debian's is a repack of it)"
        }
      ]
    },
    lcms2: {
      version: "2.14",
      debianVersion: "2.14-2+deb12u1",
      places: [
        {
          mirror: "debian",
          path: "pool/main/l/lcms2/lcms2_2.14.orig.tar.gz",
          sha256: "28474ea6f6591c4d4cee972123587001a4e6e353412a41b3e9e82219818d5740",
          from: "Debian 12 (bookworm), source package lcms2 (its upstream tarball, checked against the suite's index)"
        },
        {
          url: "https://github.com/mm2/Little-CMS/releases/download/lcms2.14/lcms2-2.14.tar.gz",
          sha256: "28474ea6f6591c4d4cee972123587001a4e6e353412a41b3e9e82219818d5740",
          from: "Little CMS's release file (the same file as Debian's upstream tarball)"
        }
      ]
    },
    libffi: {
      version: "3.4.4",
      debianVersion: "3.4.4-1",
      places: [
        {
          mirror: "debian",
          path: "pool/main/libf/libffi/libffi_3.4.4.orig.tar.gz",
          sha256: "d66c56ad259a82cf2a9dfc408b32bf5da52371500b84745f7fb8b645712df676",
          from: "Debian 12 (bookworm), source package libffi (its upstream tarball, checked against the suite's index)"
        },
        {
          url: "https://github.com/libffi/libffi/releases/download/v3.4.4/libffi-3.4.4.tar.gz",
          sha256: "d66c56ad259a82cf2a9dfc408b32bf5da52371500b84745f7fb8b645712df676",
          from: "libffi's release file (the same file as Debian's)"
        }
      ]
    },
    "libjpeg-turbo": {
      version: "2.1.5",
      debianVersion: "1:2.1.5-2",
      places: [
        {
          mirror: "debian",
          path: "pool/main/libj/libjpeg-turbo/libjpeg-turbo_2.1.5.orig.tar.gz",
          sha256: "254f3642b04e309fee775123133c6464181addc150499561020312ec61c1bf7c",
          from: "Debian 12 (bookworm), source package libjpeg-turbo (its upstream tarball, checked against the suite's index)"
        },
        {
          url: "https://github.com/libjpeg-turbo/libjpeg-turbo/archive/refs/tags/2.1.5.tar.gz",
          sha256: "254f3642b04e309fee775123133c6464181addc150499561020312ec61c1bf7c",
          from: "the 2.1.5 tag of libjpeg-turbo's repository (the same file as Debian's)"
        }
      ]
    },
    "libpng1.6": {
      version: "1.6.39",
      debianVersion: "1.6.39-2+deb12u5",
      places: [
        {
          mirror: "debian",
          path: "pool/main/libp/libpng1.6/libpng1.6_1.6.39.orig.tar.gz",
          sha256: "a00e9d2f2f664186e4202db9299397f851aea71b36a35e74910b8820e380d441",
          from: "Debian 12 (bookworm), source package libpng1.6 (its upstream tarball, checked against the suite's index)"
        },
        {
          url: "https://github.com/glennrp/libpng/archive/v1.6.39.tar.gz",
          sha256: "a00e9d2f2f664186e4202db9299397f851aea71b36a35e74910b8820e380d441",
          from: "the v1.6.39 tag of libpng's repository (the same file as Debian's)"
        }
      ]
    },
    libuv1: {
      version: "1.44.2",
      debianVersion: "1.44.2-1+deb12u1",
      places: [
        {
          mirror: "debian",
          path: "pool/main/libu/libuv1/libuv1_1.44.2.orig.tar.gz",
          sha256: "d79b4b06ef04be85fb890bf39d55942cc64c2e15fd14eaa32dae5dce94485484",
          from: "Debian 12 (bookworm), source package libuv1 (its upstream tarball, checked against the suite's index)"
        },
        {
          url: "https://github.com/libuv/libuv/archive/v1.44.2.tar.gz",
          sha256: "e6e2ba8b4c349a4182a33370bb9be5e23c51b32efb9b9e209d0e8556b73a48da",
          from: "the v1.44.2 tag of libuv's repository (the same release as Debian's, packed differently)"
        }
      ]
    },
    libwebp: {
      version: "1.2.4",
      debianVersion: "1.2.4-0.2+deb12u1",
      places: [
        {
          mirror: "debian",
          path: "pool/main/libw/libwebp/libwebp_1.2.4.orig.tar.gz",
          sha256: "7bf5a8a28cc69bcfa8cb214f2c3095703c6b73ac5fba4d5480c205331d9494df",
          from: "Debian 12 (bookworm), source package libwebp (its upstream tarball, checked against the suite's index)"
        },
        {
          url: "https://storage.googleapis.com/downloads.webmproject.org/releases/webp/libwebp-1.2.4.tar.gz",
          sha256: "7bf5a8a28cc69bcfa8cb214f2c3095703c6b73ac5fba4d5480c205331d9494df",
          from: "libwebp's release file (the same file as Debian's)"
        }
      ]
    },
    libxml2: {
      version: "2.9.14+dfsg",
      debianVersion: "2.9.14+dfsg-1.3~deb12u6",
      places: [
        {
          mirror: "debian",
          path: "pool/main/libx/libxml2/libxml2_2.9.14+dfsg.orig.tar.xz",
          sha256: "4fe913dec8b1ab89d13b489b419a8203176ea39e931eaa0d25b17eafb9c279e9",
          from: "Debian 12 (bookworm), source package libxml2 (its upstream tarball, checked against the suite's index)"
        },
        {
          url: "https://download.gnome.org/sources/libxml2/2.9/libxml2-2.9.14.tar.xz",
          sha256: "60d74a257d1ccec0475e749cba2f21559e48139efba6ff28224357c7c798dfee",
          from: "libxml2's release file (Debian's is a repack of it)"
        }
      ]
    },
    libxslt: {
      version: "1.1.35",
      debianVersion: "1.1.35-1+deb12u4",
      places: [
        {
          mirror: "debian",
          path: "pool/main/libx/libxslt/libxslt_1.1.35.orig.tar.xz",
          sha256: "8247f33e9a872c6ac859aa45018bc4c4d00b97e2feac9eebc10c93ce1f34dd79",
          from: "Debian 12 (bookworm), source package libxslt (its upstream tarball, checked against the suite's index)"
        },
        {
          url: "https://download.gnome.org/sources/libxslt/1.1/libxslt-1.1.35.tar.xz",
          sha256: "8247f33e9a872c6ac859aa45018bc4c4d00b97e2feac9eebc10c93ce1f34dd79",
          from: "libxslt's release file (the same file as Debian's)"
        }
      ]
    },
    libyaml: {
      version: "0.2.5",
      debianVersion: "0.2.5-1",
      places: [
        {
          mirror: "debian",
          path: "pool/main/liby/libyaml/libyaml_0.2.5.orig.tar.gz",
          sha256: "fa240dbf262be053f3898006d502d514936c818e422afdcf33921c63bed9bf2e",
          from: "Debian 12 (bookworm), source package libyaml (its upstream tarball, checked against the suite's index)"
        },
        {
          url: "https://github.com/yaml/libyaml/archive/refs/tags/0.2.5.tar.gz",
          sha256: "fa240dbf262be053f3898006d502d514936c818e422afdcf33921c63bed9bf2e",
          from: "the 0.2.5 tag of libyaml's repository (the same file as Debian's)"
        }
      ]
    },
    libzstd: {
      version: "1.5.4+dfsg2",
      debianVersion: "1.5.4+dfsg2-5",
      places: [
        {
          mirror: "debian",
          path: "pool/main/libz/libzstd/libzstd_1.5.4+dfsg2.orig.tar.xz",
          sha256: "8cf4bbb65e77ec348d052c8d6230eba66d435bddf64c8b5be2fcb16880c19953",
          from: "Debian 12 (bookworm), source package libzstd (its upstream tarball, checked against the suite's index)"
        },
        {
          url: "https://github.com/facebook/zstd/releases/download/v1.5.4/zstd-1.5.4.tar.gz",
          sha256: "0f470992aedad543126d06efab344dc5f3e171893810455787d38347343a4424",
          from: "zstd's release file (Debian's is a repack of it)"
        }
      ]
    },
    lz4: {
      version: "1.9.4",
      debianVersion: "1.9.4-1",
      places: [
        {
          mirror: "debian",
          path: "pool/main/l/lz4/lz4_1.9.4.orig.tar.gz",
          sha256: "0b0e3aa07c8c063ddf40b082bdf7e37a1562bda40a0ff5272957f3e987e0e54b",
          from: "Debian 12 (bookworm), source package lz4 (its upstream tarball, checked against the suite's index)"
        },
        {
          url: "https://github.com/lz4/lz4/archive/refs/tags/v1.9.4.tar.gz",
          sha256: "0b0e3aa07c8c063ddf40b082bdf7e37a1562bda40a0ff5272957f3e987e0e54b",
          from: "the v1.9.4 tag of LZ4's repository (the same file as Debian's)"
        }
      ]
    },
    openssl: {
      version: "3.0.20",
      debianVersion: "3.0.20-1~deb12u2",
      places: [
        {
          mirror: "debian",
          path: "pool/main/o/openssl/openssl_3.0.20.orig.tar.gz",
          sha256: "c80a01dfc70ece4dc21168932c37739042d404d46ccc81a5986dd75314ecda6f",
          from: "Debian 12 (bookworm), source package openssl (its upstream tarball, checked against the suite's index)"
        },
        {
          url: "https://github.com/openssl/openssl/releases/download/openssl-3.0.20/openssl-3.0.20.tar.gz",
          sha256: "c80a01dfc70ece4dc21168932c37739042d404d46ccc81a5986dd75314ecda6f",
          from: "OpenSSL's release file (the same file as Debian's)"
        }
      ]
    },
    sqlite3: {
      version: "3.40.1",
      debianVersion: "3.40.1-2+deb12u2",
      places: [
        {
          mirror: "debian",
          path: "pool/main/s/sqlite3/sqlite3_3.40.1.orig.tar.xz",
          sha256: "aaa776260ab4dc976db34aa7891819484c8676b5b2783123ebc6301e2ca5d655",
          from: "Debian 12 (bookworm), source package sqlite3 (its upstream tarball, checked against the suite's index)"
        },
        {
          url: "https://sqlite.org/2022/sqlite-src-3400100.zip",
          sha256: "5064126aa50db20c35578b612b56c3129425c0506ed4d1610efa4a0f01bdf8d0",
          from: "SQLite's full source tree as a zip (Debian's is a repack of it)"
        }
      ]
    },
    tiff: {
      version: "4.5.0",
      debianVersion: "4.5.0-6+deb12u4",
      places: [
        {
          mirror: "debian",
          path: "pool/main/t/tiff/tiff_4.5.0.orig.tar.bz2",
          sha256: "638f43d7dea33948d5dee7f39572fc0194d9cc3c74195de9dd26a4388a1f880a",
          from: "Debian 12 (bookworm), source package tiff (its upstream tarball, checked against the suite's index)"
        },
        {
          url: "https://download.osgeo.org/libtiff/tiff-4.5.0.tar.xz",
          sha256: "dafac979c5e7b6c650025569c5a4e720995ba5f17bc17e6276d1f12427be267c",
          from: "libtiff's release file (Debian's is a repack of it)"
        }
      ]
    },
    "util-linux": {
      version: "2.38.1",
      debianVersion: "2.38.1-5+deb12u3",
      places: [
        {
          mirror: "debian",
          path: "pool/main/u/util-linux/util-linux_2.38.1.orig.tar.xz",
          sha256: "60492a19b44e6cf9a3ddff68325b333b8b52b6c59ce3ebd6a0ecaa4c5117e84f",
          from: "Debian 12 (bookworm), source package util-linux (its upstream tarball, checked against the suite's index)"
        },
        {
          url: "https://www.kernel.org/pub/linux/utils/util-linux/v2.38/util-linux-2.38.1.tar.xz",
          sha256: "60492a19b44e6cf9a3ddff68325b333b8b52b6c59ce3ebd6a0ecaa4c5117e84f",
          from: "util-linux's release file (the same file as Debian's)"
        }
      ]
    },
    "xz-utils": {
      version: "5.4.1",
      debianVersion: "5.4.1-1+deb12u1",
      places: [
        {
          mirror: "debian",
          path: "pool/main/x/xz-utils/xz-utils_5.4.1.orig.tar.xz",
          sha256: "5d9827aa1875b21c288f78864bb26d2650b436ea8d2cad364e4921eb6266a5a5",
          from: "Debian 12 (bookworm), source package xz-utils (its upstream tarball, checked against the suite's index)"
        },
        {
          url: "https://tukaani.org/xz/xz-5.4.1.tar.xz",
          sha256: "5d9827aa1875b21c288f78864bb26d2650b436ea8d2cad364e4921eb6266a5a5",
          from: "XZ Utils' release file (the same file as Debian's)"
        }
      ]
    },
    zlib: {
      version: "1.2.13.dfsg",
      debianVersion: "1:1.2.13.dfsg-1",
      places: [
        {
          mirror: "debian",
          path: "pool/main/z/zlib/zlib_1.2.13.dfsg.orig.tar.bz2",
          sha256: "71feb7947e3c00ef125f83b79a4e529bde31171e5babe48b391f06758d1ab0a1",
          from: "Debian 12 (bookworm), source package zlib (its upstream tarball, checked against the suite's index)"
        },
        {
          url: "https://github.com/madler/zlib/releases/download/v1.2.13/zlib-1.2.13.tar.gz",
          sha256: "b3a24de97a8fdbc835b9833169501030b8977031bcb54b3b3ac13740f846ab30",
          from: "zlib's release file (Debian's is a repack of it)"
        },
        {
          url: "https://zlib.net/fossils/zlib-1.2.13.tar.gz",
          sha256: "b3a24de97a8fdbc835b9833169501030b8977031bcb54b3b3ac13740f846ab30",
          from: "zlib's release file, from its site's archive of releases"
        }
      ]
    }
  }
};

// src/toolchain/library-sources.ts
var PlaceFacts = {
  sha256: external_exports.string().regex(/^[0-9a-f]{64}$/),
  /** Who publishes it, in words, for the log. */
  from: external_exports.string().min(1)
};
var LibrarySourcePlaceSchema = external_exports.union([
  external_exports.object({ mirror: external_exports.literal("debian"), path: external_exports.string().regex(/^pool\//), ...PlaceFacts }).strict(),
  external_exports.object({ url: external_exports.string().url().startsWith("https://"), ...PlaceFacts }).strict()
]);
var LibrarySourceSchema = external_exports.object({
  /** The upstream release, as Debian's file names it (`1.2.13.dfsg`). */
  version: external_exports.string().min(1),
  /** Debian 12's version of the source package, `1:1.2.13.dfsg-1`. */
  debianVersion: external_exports.string().min(1),
  places: external_exports.array(LibrarySourcePlaceSchema).min(1)
}).strict().refine((source) => "mirror" in source.places[0], { message: "the first place is Debian's upstream tarball" });
var LibrarySourcesSchema = external_exports.object({
  comment: external_exports.string().optional(),
  /** Keyed by Debian source package name. */
  sources: external_exports.record(external_exports.string().regex(/^[a-z0-9][a-z0-9.+-]+$/), LibrarySourceSchema)
}).strict();
var checked = null;
function loadLibrarySources() {
  checked ??= LibrarySourcesSchema.parse(library_sources_default);
  return checked;
}
function placeFileName(place) {
  const where = "url" in place ? new URL(place.url).pathname : place.path;
  return where.slice(where.lastIndexOf("/") + 1);
}

// src/toolchain/static-deps-sources.ts
function resolveSource(recipe) {
  const source = loadLibrarySources().sources[recipe.sourcePackage];
  if (!source) {
    throw new UserError({
      input: `static dependency ${recipe.name}`,
      cause: `its source package ${recipe.sourcePackage} is not in pyseal's list of library sources`,
      fix: "run `npm run update-library-sources` in pyseal's checkout (a recipe was added without its source)"
    });
  }
  const first = source.places[0];
  return {
    sourcePackage: recipe.sourcePackage,
    debianVersion: source.debianVersion,
    upstreamVersion: source.version,
    tarball: placeFileName(first),
    sha256: first.sha256,
    places: source.places
  };
}
async function downloadSource(recipe, source, downloads, log) {
  const failures = [];
  for (const place of source.places) {
    const url = await placeUrl(place);
    if (!url) {
      failures.push(
        `${place.from}: this machine names no Debian archive (set PYSEAL_DEBIAN_MIRROR, or add one to apt's sources)`
      );
      continue;
    }
    const dest = import_node_path39.default.join(downloads, place.sha256.slice(0, 16), storedName(place, source.places));
    try {
      log(`static deps: ${recipe.name} ${source.upstreamVersion} source from ${place.from}`);
      return (await downloadVerified({ url, dest, sha256: place.sha256, log })).file;
    } catch (error) {
      if (!(error instanceof DownloadError)) throw error;
      failures.push(error.message);
    }
  }
  throw new UserError(
    {
      input: `static dependency ${recipe.name}`,
      cause: `the source of ${recipe.sourcePackage} ${source.upstreamVersion} could not be fetched from any of its places`,
      fix: "check the network; a machine with no Debian archive needs the project sites in reach"
    },
    `The source of static dependency ${recipe.name} (${recipe.sourcePackage} ${source.upstreamVersion}) could not be fetched from any of its places:
  - ${failures.join("\n  - ")}
Check the network; a machine whose apt names no Debian archive fetches from the project's own site (or set PYSEAL_DEBIAN_MIRROR).`
  );
}
function storedName(place, places) {
  return placeFileName(places.find((other) => other.sha256 === place.sha256) ?? place);
}
async function placeUrl(place) {
  if ("url" in place) return place.url;
  const base = await mirrorBase(place.mirror);
  return base ? `${base.replace(/\/+$/, "")}/${place.path}` : null;
}

// src/toolchain/static-deps.ts
var PARALLEL_LIBRARIES = 2;
async function buildStaticDeps(options) {
  const log = options.log ?? (() => void 0);
  const recipes = options.recipes ?? STATIC_LIBRARY_RECIPES;
  const folder = import_node_path40.default.join(import_node_path40.default.resolve(options.cacheRoot), "static-deps");
  await import_node_fs27.promises.mkdir(import_node_path40.default.join(folder, "downloads"), { recursive: true });
  const compiler = await compilerFor(options, log);
  const sources = {};
  for (const recipe of recipes) sources[recipe.name] = resolveSource(recipe);
  const key = sha256Text(
    JSON.stringify({
      format: STATIC_DEPS.recipeVersion,
      libc: compiler.libc,
      // Absent for musl (JSON.stringify leaves it out), so musl prefixes keep their keys.
      glibcFloor: compiler.glibcFloor,
      configuredPrefix: CONFIGURED_PREFIX,
      buildEpoch: DEFAULT_SOURCE_DATE_EPOCH,
      recipes,
      sources: recipes.map((r) => [r.name, sources[r.name].tarball, sources[r.name].sha256]),
      toolchain: compiler.identity
    })
  ).slice(0, 20);
  const build = { key, recipes, sources, compiler, folder, jobs: options.jobs ?? 2, log };
  const entry = await cachedEntry({
    kind: STATIC_DEPS,
    root: import_node_path40.default.join(folder, key),
    legacyComplete: async (root) => await readCompleteManifest(root, key, recipes) !== void 0,
    build: (dir, work) => buildPrefix(build, dir, work),
    log
  });
  const prefix = entry.root;
  const manifestPath = import_node_path40.default.join(prefix, "manifest.json");
  const manifest = JSON.parse(await import_node_fs27.promises.readFile(manifestPath, "utf8"));
  return {
    prefix,
    key,
    reused: entry.reused,
    manifestPath,
    kernelHeaders: compiler.kernelHeaders,
    libraries: Object.fromEntries(
      Object.entries(manifest.libraries).map(([name, info]) => [
        name,
        { ...info, archives: info.archives.map((a) => import_node_path40.default.join(prefix, a)) }
      ])
    )
  };
}
async function buildPrefix(build, dir, work) {
  const { recipes, log } = build;
  log(`static deps: building ${recipes.map((r) => r.name).join(", ")}`);
  const destdir = import_node_path40.default.join(work, "destdir");
  const stagedPrefix = import_node_path40.default.join(destdir, CONFIGURED_PREFIX);
  await import_node_fs27.promises.mkdir(stagedPrefix, { recursive: true });
  const built = /* @__PURE__ */ new Map();
  const finished = /* @__PURE__ */ new Map();
  await inParallel(recipes, PARALLEL_LIBRARIES, async (recipe) => {
    const done = (async () => {
      for (const dependency of recipe.dependsOn ?? []) await finished.get(dependency);
      built.set(recipe.name, await buildLibrary(build, recipe, work, destdir, stagedPrefix));
    })();
    finished.set(recipe.name, done);
    await done;
  });
  const libraries = Object.fromEntries(recipes.map((recipe) => [recipe.name, built.get(recipe.name)]));
  await finishPrefix(stagedPrefix);
  const manifest = {
    format: STATIC_DEPS.recipeVersion,
    key: build.key,
    libc: build.compiler.libc,
    glibcFloor: build.compiler.glibcFloor,
    configuredPrefix: CONFIGURED_PREFIX,
    toolchain: build.compiler.identity,
    libraries
  };
  await import_node_fs27.promises.writeFile(import_node_path40.default.join(stagedPrefix, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  for (const name of await import_node_fs27.promises.readdir(stagedPrefix)) {
    await import_node_fs27.promises.rename(import_node_path40.default.join(stagedPrefix, name), import_node_path40.default.join(dir, name));
  }
}
async function buildLibrary(build, recipe, work, destdir, stagedPrefix) {
  const { log } = build;
  const source = build.sources[recipe.name];
  const tarballPath = await downloadSource(recipe, source, import_node_path40.default.join(build.folder, "downloads"), log);
  const started = Date.now();
  await buildOne({
    recipe,
    source,
    tarballPath,
    work,
    destdir,
    stagedPrefix,
    recipeEnv: build.compiler.recipeEnv,
    jobs: build.jobs,
    logDir: import_node_path40.default.join(build.folder, "logs"),
    key: build.key,
    log
  });
  const buildSeconds = Math.round((Date.now() - started) / 100) / 10;
  log(`static deps: ${recipe.name} ${source.upstreamVersion} built in ${buildSeconds} s`);
  return {
    version: source.upstreamVersion,
    debianVersion: source.debianVersion,
    sourcePackage: source.sourcePackage,
    tarball: source.tarball,
    sha256: source.sha256,
    archives: [...recipe.archives],
    buildSeconds
  };
}
async function readCompleteManifest(prefix, key, recipes) {
  let manifest;
  try {
    manifest = JSON.parse(await import_node_fs27.promises.readFile(import_node_path40.default.join(prefix, "manifest.json"), "utf8"));
  } catch {
    return void 0;
  }
  if (manifest.format !== STATIC_DEPS.recipeVersion || manifest.key !== key) return void 0;
  for (const recipe of recipes) {
    if (!manifest.libraries[recipe.name]) return void 0;
    if (!recipe.produces.every((file) => (0, import_node_fs27.existsSync)(import_node_path40.default.join(prefix, file)))) return void 0;
  }
  return manifest;
}
async function compilerFor(options, log) {
  if (options.libc === "musl" && options.zig) return zigMuslCompiler(options.zig);
  if (options.libc === "musl") return muslCompiler(import_node_path40.default.resolve(options.cacheRoot), log);
  if (!options.glibc) throw new Error("buildStaticDeps: a gnu build needs the glibc floor drivers");
  return glibcFloorCompiler(options.glibc);
}

// src/toolchain/floor-toolchain.ts
async function withGlibcFloor(target, floor, cacheRoot, log) {
  if (floor === null || floor === "host" || target.glibcFloor !== "host") return target;
  const zigTarget = target.toolchain.zigGlibcTarget;
  if (!zigTarget) throw new Error(`${target.triple} has no zig target for a glibc floor`);
  const libgcc = await libgccArchive(target.toolchain.cc);
  const drivers = await ensureZigDrivers(cacheRoot, `${zigTarget}.${floor}`, libgcc, log);
  return {
    ...target,
    glibcFloor: floor,
    toolchain: {
      ...target.toolchain,
      cc: drivers.cc,
      cxx: drivers.cxx,
      // zig links its libc++, built for the floor, statically by itself.
      cxxLinkFlags: [],
      // Libraries come from the static-deps prefix only (toolchain-env.ts), never from the host's -dev archives.
      libraryDirs: []
    }
  };
}
async function glibcFloorDriverSet(target, cacheRoot) {
  const { glibcFloor, toolchain } = target;
  if (glibcFloor === null || glibcFloor === "host" || !toolchain.cxx) {
    throw new Error(`${target.triple} has no glibc floor drivers`);
  }
  const identity = await zigDriversIdentity({ cc: toolchain.cc, cxx: toolchain.cxx }, cacheRoot);
  return { floor: glibcFloor, cc: toolchain.cc, ar: toolchain.ar, identity };
}
async function libgccArchive(gcc) {
  const result = await runCommand({ command: gcc, args: ["-print-libgcc-file-name"] });
  const file = result.stdout.trim();
  if (result.code !== 0 || !file.endsWith(".a")) {
    throw new UserError({
      input: `${gcc} -print-libgcc-file-name`,
      cause: `names no libgcc.a (${result.code !== 0 ? `exit ${result.code}` : `"${file}"`})`,
      fix: "install gcc for the target (scripts/setup-system.sh does), or give --glibc host"
    });
  }
  return { path: file, sha256: await sha256File(file) };
}
function floorRecipes(target) {
  return [...STATIC_LIBRARY_RECIPES, LIBZSTD_RECIPE].map((recipe) => recipeForTarget(recipe, target));
}
function recipeForTarget(recipe, target) {
  const forTarget = (argv) => {
    const words2 = argv.map((word) => word === "linux-x86_64" ? `linux-${target.arch}` : word);
    const autotools = words2[0] === "./configure" && words2.includes("--enable-static");
    return autotools && target.configureHost ? [...words2, `--host=${target.configureHost}`] : words2;
  };
  return { ...recipe, steps: recipe.steps.map((step) => ({ ...step, argv: forTarget(step.argv) })) };
}

// src/toolchain/zig-toolchain.ts
var import_node_path41 = __toESM(require("node:path"));
async function withBuildCompilers(target, glibc, cacheRoot, log) {
  return withZigCompilers(await withGlibcFloor(target, glibc, cacheRoot, log), cacheRoot, log);
}
async function withZigCompilers(target, cacheRoot, log) {
  const zigTarget = target.toolchain.zigTarget;
  if (!zigTarget || driversWritten(target)) return target;
  const drivers = await ensureZigDrivers(cacheRoot, zigTarget, null, log);
  return { ...target, toolchain: { ...target.toolchain, cc: drivers.cc, cxx: drivers.cxx } };
}
function compilesThroughZig(target) {
  return target.toolchain.zigTarget !== null;
}
async function zigDriverSet(target, cacheRoot) {
  const { toolchain } = target;
  if (!driversWritten(target) || !toolchain.cxx) throw new Error(`${target.triple} has no zig drivers in place`);
  const identity = await zigDriversIdentity({ cc: toolchain.cc, cxx: toolchain.cxx }, cacheRoot);
  return { cc: toolchain.cc, ar: toolchain.ar, identity };
}
function driversWritten(target) {
  return target.toolchain.zigTarget !== null && import_node_path41.default.isAbsolute(target.toolchain.cc);
}

// src/toolchain/static-deps-compiler-choice.ts
function buildsOwnStaticLibraries(target) {
  if (target.os !== "linux") return false;
  if (target.libc === "musl") return compilesThroughZig(target) || !target.crossCompiling;
  return target.glibcFloor !== null && target.glibcFloor !== "host";
}
async function staticDepsCompilerChoice(target, cacheRoot) {
  if (!buildsOwnStaticLibraries(target)) return null;
  if (target.libc === "musl" && compilesThroughZig(target)) {
    return { libc: "musl", zig: await zigDriverSet(target, cacheRoot) };
  }
  if (target.libc === "musl") return { libc: "musl" };
  return { libc: "gnu", glibc: await glibcFloorDriverSet(target, cacheRoot) };
}

// src/toolchain/toolchain-env.ts
var prepared = /* @__PURE__ */ new Map();
function prepareBuildToolchain(target, cacheRoot, log) {
  const key = `${target.triple}\0${target.glibcFloor}\0${cacheRoot}`;
  let toolchain = prepared.get(key);
  if (!toolchain) {
    toolchain = prepareUncached(target, cacheRoot, log);
    toolchain.catch(() => prepared.delete(key));
    prepared.set(key, toolchain);
  }
  return toolchain;
}
async function prepareUncached(target, cacheRoot, log) {
  const compilerVersion = await firstLine(target.toolchain.cc, ["--version"]);
  const compiler = await staticDepsCompilerChoice(target, cacheRoot);
  if (compiler && (compiler.zig || compiler.glibc)) {
    const deps = await buildStaticDeps({ ...compiler, cacheRoot, recipes: floorRecipes(target), log });
    return staticDepsToolchain(target, deps.prefix, compilerVersion);
  }
  if (compiler) {
    const deps = await buildStaticDeps({ ...compiler, cacheRoot, log });
    if (deps.kernelHeaders === null) throw new Error("musl static libraries come with their kernel headers");
    const env = { ...process.env, ...muslToolchainEnv(deps.prefix, deps.kernelHeaders) };
    env.CC = await muslCompilerWrapper(cacheRoot, target.toolchain.cc);
    return {
      cxx: await targetCxx(target, cacheRoot, log),
      env,
      configureArgs: [],
      libraryDirs: [import_node_path42.default.join(deps.prefix, "lib")],
      ffiIncludeDir: import_node_path42.default.join(deps.prefix, "include"),
      compilerVersion,
      staticDepsKey: import_node_path42.default.basename(deps.prefix)
    };
  }
  if (target.configureHost) {
    const triplet = target.configureHost;
    const ffiHeader = import_node_path42.default.join("/usr/include", triplet, "ffi.h");
    return {
      cxx: await targetCxx(target, cacheRoot, log),
      env: {
        ...process.env,
        CC: target.toolchain.cc,
        CXX: target.toolchain.cxx ?? void 0,
        AR: target.toolchain.ar,
        PKG_CONFIG_LIBDIR: `/usr/lib/${triplet}/pkgconfig:/usr/share/pkgconfig`
      },
      configureArgs: [],
      libraryDirs: [],
      ffiIncludeDir: (0, import_node_fs28.existsSync)(ffiHeader) ? import_node_path42.default.dirname(ffiHeader) : null,
      compilerVersion,
      staticDepsKey: null
    };
  }
  const ffi = await runCommand({ command: "pkg-config", args: ["--variable=includedir", "libffi"] });
  return {
    cxx: await targetCxx(target, cacheRoot, log),
    env: { ...process.env },
    configureArgs: [],
    libraryDirs: [],
    ffiIncludeDir: ffi.code === 0 && ffi.stdout.trim() !== "" ? ffi.stdout.trim() : null,
    compilerVersion,
    staticDepsKey: null
  };
}
function staticDepsToolchain(target, prefix, compilerVersion) {
  const include = import_node_path42.default.join(prefix, "include");
  const lib = import_node_path42.default.join(prefix, "lib");
  return {
    cxx: target.toolchain.cxx,
    env: {
      ...process.env,
      CC: target.toolchain.cc,
      CXX: target.toolchain.cxx ?? void 0,
      AR: target.toolchain.ar,
      // CPython's configure looks for `<--host>-readelf` only: aarch64-linux-musl has none, the target's binutils do.
      READELF: target.toolchain.ar.replace(/ar$/, "readelf"),
      // -isystem, as /usr/include is for gcc: a package's own copy of a library (zstandard's zstd.h) comes first.
      CPPFLAGS: `-isystem ${include}`,
      LDFLAGS: `-L${lib}`,
      PKG_CONFIG_LIBDIR: import_node_path42.default.join(lib, "pkgconfig"),
      PKG_CONFIG_PATH: ""
    },
    configureArgs: [],
    libraryDirs: [lib],
    ffiIncludeDir: include,
    compilerVersion,
    staticDepsKey: import_node_path42.default.basename(prefix)
  };
}
async function targetCxx(target, cacheRoot, log) {
  if (target.toolchain.cxx) return target.toolchain.cxx;
  if (!target.toolchain.zigCxxTarget) return null;
  const zig = await ensureZigCxx(cacheRoot, target.toolchain.zigCxxTarget, log);
  return zig.driver;
}
async function firstLine(command, args) {
  const result = await runCommand({ command, args });
  if (result.code !== 0) {
    throw new UserError({
      input: command,
      cause: `is not usable here (${command} ${args.join(" ")} exited ${result.code})`,
      fix: "install it, or put a working one first on PATH (scripts/setup-system.sh installs pyseal's toolchains)"
    });
  }
  return result.stdout.split("\n")[0].trim();
}
async function muslCompilerWrapper(cacheRoot, cc) {
  const wrapper = import_node_path42.default.join(cacheRoot, "toolchain", "musl-cc");
  const script = `#!/bin/sh
# Written by pyseal: ${cc} without a glibc multiarch answer.
for a in "$@"; do [ "$a" = --print-multiarch ] && exit 0; done
exec ${shellQuote(cc)} "$@"
`;
  await writeScript(wrapper, script);
  return wrapper;
}

// src/toolchain/version-static-libraries.ts
var import_node_path43 = __toESM(require("node:path"));
var VERSION_LIBRARIES = [
  { since: [3, 14], recipe: LIBZSTD_RECIPE }
];
function versionRecipes(version) {
  const [major, minor] = version.split(".").map(Number);
  return VERSION_LIBRARIES.filter(({ since }) => major > since[0] || major === since[0] && minor >= since[1]).map(
    (library) => library.recipe
  );
}
async function buildVersionLibraries(target, version, cacheRoot, log) {
  if (target.libc !== "musl" || target.toolchain.zigTarget) return null;
  const recipes = versionRecipes(version);
  if (recipes.length === 0) return null;
  const deps = await buildStaticDeps({ cacheRoot, libc: "musl", log, recipes });
  return { key: deps.key, prefix: deps.prefix };
}
function withVersionLibraries(toolchain, libraries) {
  if (!libraries) return toolchain;
  const { env } = toolchain;
  const join = (separator, ...parts2) => parts2.filter((part) => part !== void 0 && part !== "").join(separator);
  return {
    ...toolchain,
    env: {
      ...env,
      CPPFLAGS: join(" ", env.CPPFLAGS, `-I${import_node_path43.default.join(libraries.prefix, "include")}`),
      LDFLAGS: join(" ", env.LDFLAGS, `-L${import_node_path43.default.join(libraries.prefix, "lib")}`),
      PKG_CONFIG_LIBDIR: join(":", env.PKG_CONFIG_LIBDIR, import_node_path43.default.join(libraries.prefix, "lib", "pkgconfig"))
    },
    libraryDirs: [...toolchain.libraryDirs, import_node_path43.default.join(libraries.prefix, "lib")]
  };
}

// src/distribution/source-tree.ts
var import_node_fs29 = require("node:fs");
var import_promises25 = require("node:fs/promises");
var import_node_path44 = __toESM(require("node:path"));
var SHARED_SYSCONFIG_MARK = "_pyseal_target_";
async function shareSysconfigData(targetStdlib, targetKey, buildStdlib) {
  const own = await sysconfigDataName(targetStdlib);
  const name = `${own}${SHARED_SYSCONFIG_MARK}${targetKey}`;
  const file = import_node_path44.default.join(buildStdlib, `${name}.py`);
  if (!(0, import_node_fs29.existsSync)(file)) {
    const staging = `${file}.${process.pid}.partial`;
    await (0, import_promises25.cp)(import_node_path44.default.join(targetStdlib, `${own}.py`), staging);
    await (0, import_promises25.rename)(staging, file);
  }
  return name;
}
async function sysconfigDataName(stdlib) {
  const name = (await (0, import_promises25.readdir)(stdlib)).find(
    (n) => /^_sysconfigdata_.*\.py$/.test(n) && !n.includes(SHARED_SYSCONFIG_MARK)
  );
  if (!name) throw new Error(`${stdlib} has no _sysconfigdata_*.py`);
  return name.replace(/\.py$/, "");
}
async function installMissingTestPackages(srcDir, stdlib, log) {
  const source = import_node_path44.default.join(srcDir, "Lib", "test");
  const installed = import_node_path44.default.join(stdlib, "test");
  if (!(0, import_node_fs29.existsSync)(installed)) return;
  for (const entry of await (0, import_promises25.readdir)(source, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name.startsWith("test_") && !(0, import_node_fs29.existsSync)(import_node_path44.default.join(installed, entry.name))) {
      log(`  installing ${entry.name}, which make install left out`);
      await (0, import_promises25.cp)(import_node_path44.default.join(source, entry.name), import_node_path44.default.join(installed, entry.name), { recursive: true });
    }
  }
}
async function readPythonVersion(srcDir) {
  const version = patchlevelVersion(await (0, import_promises25.readFile)(import_node_path44.default.join(srcDir, "Include", "patchlevel.h"), "utf8"));
  if (!version) throw new Error(`${srcDir}/Include/patchlevel.h has no PY_VERSION`);
  return version;
}
async function readTarballPythonVersion(tarball) {
  const header = tarball.endsWith(".zip") ? await runCommand({ command: "unzip", args: ["-p", tarball, "*/Include/patchlevel.h"] }) : await runCommand({
    command: "tar",
    args: ["-xOf", tarball, "--wildcards", "--occurrence=1", "*/Include/patchlevel.h"]
  });
  return header.code === 0 ? patchlevelVersion(header.stdout) : null;
}
function patchlevelVersion(header) {
  return /#define\s+PY_VERSION\s+"([^"]+)"/.exec(header)?.[1] ?? null;
}

// src/distribution/source-build.ts
function optimizationConfigureArgs(optimization) {
  if (optimization === "none") return [];
  return optimization === "lto" ? ["--with-lto"] : ["--with-lto", "--enable-optimizations"];
}
var DistributionBuildError = class extends FailedStepError {
  constructor(step, tarball, failure) {
    super({
      input: import_node_path45.default.basename(tarball),
      what: `Building CPython from ${import_node_path45.default.basename(tarball)}`,
      step,
      ...failure,
      fix: "install the toolchain packages with scripts/setup-system.sh, or pass --python-distribution a different tarball."
    });
    this.name = "DistributionBuildError";
  }
};
async function buildDistributionFromSource(request) {
  const { tarball, target, cacheRoot, log } = request;
  const tarballSha = await sha256File(tarball);
  const tarballVersion = await readTarballPythonVersion(tarball);
  const versionLibraries = tarballVersion ? await buildVersionLibraries(target, tarballVersion, cacheRoot, log) : null;
  const toolchain = withVersionLibraries(await prepareBuildToolchain(target, cacheRoot, log), versionLibraries);
  const key = contentKey({
    recipe: CPYTHON_BUILD.recipeVersion,
    tarball: tarballSha,
    triple: target.triple,
    // Absent for `host` (and without glibc), so those builds keep their keys.
    glibcFloor: target.glibcFloor === "host" ? void 0 : target.glibcFloor ?? void 0,
    compiler: toolchain.compilerVersion,
    staticDeps: toolchain.staticDepsKey,
    // Absent for versions that need no library beyond the base set, so their keys stay what they were.
    versionStaticDeps: versionLibraries?.key,
    // Absent (not null) for native builds, so their keys stay what they were.
    buildPython: request.buildPython?.key,
    // Absent for `none`, so unoptimized builds keep their keys.
    optimization: request.optimization === "none" ? void 0 : request.optimization,
    // Absent for the default build, so its keys stay what they were.
    freeThreaded: request.freeThreaded ? true : void 0,
    // Absent for releases that need nothing of their own.
    versionConfigure: tarballVersion && versionConfigureArgs(tarballVersion).length > 0 ? versionConfigureArgs(tarballVersion) : void 0,
    sourceDateEpoch: chosenSourceDateEpoch()
  });
  const entry = await cachedEntry({
    kind: CPYTHON_BUILD,
    root: import_node_path45.default.join(cacheRoot, "python", key),
    describe: `CPython ${key} (${import_node_path45.default.basename(tarball)}${request.freeThreaded ? ", free-threaded" : ""} for ${target.triple})`,
    // configure's --prefix (<entry>/install) is compiled into the interpreter and its sysconfig.
    buildInPlace: true,
    build: (root, work) => buildInto({ root, work, key, tarballSha, request, toolchain }),
    log
  });
  return { distribution: await readDistribution(entry.root), reused: entry.reused, key };
}
async function buildInto(build) {
  const { root, work, request } = build;
  const { target, log } = request;
  await (0, import_promises26.mkdir)(work, { recursive: true });
  const toolchain = withReproducibleFlags(build.toolchain, work);
  const step = stepRunner(request.tarball, import_node_path45.default.join(work, "build.log"), log);
  const { srcDir, version } = await unpackSource(request.tarball, work);
  const buildDir = import_node_path45.default.join(work, "build");
  await (0, import_promises26.mkdir)(buildDir);
  log(`  CPython ${version}${request.freeThreaded ? " (free-threaded)" : ""} for ${target.triple}`);
  await configure(build, toolchain, { srcDir, version }, buildDir, step);
  const names = await readInstallNames(buildDir);
  if ((await linkHaclArchives(buildDir)).length > 0) log("  HACL* modules linked with their static archives");
  const searchDirs = await linkerSearchDirs(target.toolchain, toolchain.libraryDirs);
  const choice = await writeSetupLocal(buildDir, names.minor, target, toolchain, searchDirs);
  await step("makesetup", "make", ["Makefile"], buildDir, toolchain.env);
  await skipInstalledBytecode(buildDir);
  await step("make", "make", ["-j2"], buildDir, toolchain.env);
  await step("make install", "make", ["install"], buildDir, toolchain.env);
  const stdlib = import_node_path45.default.join(root, "install", names.stdlib);
  await installMissingTestPackages(srcDir, stdlib, log);
  if (!request.buildPython) {
    const pythonExe = import_node_path45.default.join(root, "install", names.exe);
    await step("ensurepip", pythonExe, ["-m", "ensurepip", "--default-pip"], root, toolchain.env);
    const tools = ["-m", "pip", "install", "-q", "--upgrade", "pip", "setuptools", "wheel"];
    await step("build tools", pythonExe, tools, root, toolchain.env);
  }
  await writeDistributionLayout({
    root,
    buildDir,
    srcDir,
    version,
    names,
    target,
    statics: choice.statics,
    shared: choice.shared,
    notBuilt: choice.notBuilt,
    sourceSha256: build.tarballSha,
    key: build.key,
    searchDirs
  });
}
function stepRunner(tarball, logFile, log) {
  return async (name, command, args, cwd, env) => {
    log(`  ${name}`);
    const result = await runCommand({ command, args, cwd, env });
    await (0, import_promises26.writeFile)(logFile, `
$ ${command} ${args.join(" ")}
${result.stdout}${result.stderr}`, { flag: "a" });
    if (result.code !== 0) {
      throw new DistributionBuildError(name, tarball, {
        reason: `\`${describeCommand({ command, args })}\` exited with ${result.code}`,
        log: { text: result.stdout + result.stderr, file: logFile }
      });
    }
  };
}
function withReproducibleFlags(toolchain, work) {
  return {
    ...toolchain,
    env: {
      ...toolchain.env,
      SOURCE_DATE_EPOCH: sourceDateEpoch(),
      // __FILE__ and debug info only (not -ffile-prefix-map, which would also rename PGO's profile paths).
      CFLAGS: [
        toolchain.env.CFLAGS,
        `-fmacro-prefix-map=${work}=/pyseal-cpython-build`,
        `-fdebug-prefix-map=${work}=/pyseal-cpython-build`
      ].filter(Boolean).join(" ")
    }
  };
}
async function unpackSource(tarball, work) {
  const srcDir = await unpackSourceArchive(tarball, work);
  if (!srcDir)
    throw new DistributionBuildError("unpack", tarball, {
      reason: "the archive has no CPython source tree (no configure script)"
    });
  return { srcDir, version: await readPythonVersion(srcDir) };
}
async function configure(build, toolchain, { srcDir, version }, buildDir, step) {
  const { root, work, request } = build;
  const { target } = request;
  let env = toolchain.env;
  const configureArgs = [
    "--disable-shared",
    `--prefix=${import_node_path45.default.join(root, "install")}`,
    "--with-ensurepip=no",
    "MODULE_BUILDTYPE=static",
    ...optimizationConfigureArgs(request.optimization),
    ...request.freeThreaded ? ["--disable-gil"] : [],
    ...versionConfigureArgs(version),
    ...toolchain.configureArgs
  ];
  const cross = request.buildPython;
  if (cross) {
    if (!target.configureHost) throw new Error(`${target.triple} has no configure --host triplet for a cross build`);
    const configSite = import_node_path45.default.join(work, "config.site");
    await (0, import_promises26.writeFile)(configSite, "ac_cv_file__dev_ptmx=yes\nac_cv_file__dev_ptc=no\nac_cv_buggy_getaddrinfo=no\n");
    env = { ...env, CONFIG_SITE: configSite };
    if (target.libc === "musl") await muslTripletFromHost(srcDir);
    const buildTriplet = (await runChecked({ command: "gcc", args: ["-dumpmachine"] })).stdout.trim();
    configureArgs.push(`--host=${target.configureHost}`, `--build=${buildTriplet}`, `--with-build-python=${cross.exe}`);
    request.log(`  cross build from ${buildTriplet}, running ${cross.exe}`);
  }
  await step("configure", import_node_path45.default.join(srcDir, "configure"), configureArgs, buildDir, env);
}
async function muslTripletFromHost(srcDir) {
  const script = import_node_path45.default.join(srcDir, "configure");
  const text = await (0, import_promises26.readFile)(script, "utf8");
  const test = 'case "$build_os" in\n  linux-musl*)';
  if (text.includes(test)) await (0, import_promises26.writeFile)(script, text.replace(test, 'case "$host_os" in\n  linux-musl*)'));
}
async function writeSetupLocal(buildDir, minor, target, toolchain, searchDirs) {
  const setupStdlib = parseSetup(await (0, import_promises26.readFile)(import_node_path45.default.join(buildDir, "Modules", "Setup.stdlib"), "utf8"));
  const extra = minor === "3.11" ? lines311(target.libc === "musl" ? null : toolchain.ffiIncludeDir) : [];
  const candidates = [...setupStdlib.enabled, ...extra];
  const expanded = await expandLinkWords(buildDir, candidates);
  const choice = chooseStdlibModules(
    candidates,
    setupStdlib.commented,
    target,
    (module2) => (expanded.get(module2.name) ?? []).filter((w) => w.startsWith("-l")).map((w) => w.slice(2)).filter((name) => resolveLibrary(name, target.toolchain, searchDirs).kind === "missing")
  );
  const disabled = choice.notBuilt.map((n) => n.module);
  await (0, import_promises26.writeFile)(
    import_node_path45.default.join(buildDir, "Modules", "Setup.local"),
    renderSetupLocal(choice.statics, choice.shared, disabled)
  );
  return choice;
}

// src/distribution/obtain.ts
var DistributionSourceError = class extends UserError {
  constructor(value, detail) {
    const fix = "Give a CPython source tarball (path or URL), a python-build-standalone full archive (pbs:3.11, or its path or URL), a directory holding PYTHON.json, or debian:python3.11 / debian:python3.13.";
    super(
      { input: `--python-distribution "${value}"`, cause: detail, fix },
      `--python-distribution "${value}": ${detail}. ${fix}`
    );
    this.name = "DistributionSourceError";
  }
};
async function obtainDistribution(request, target, cacheRoot, log) {
  const { value, optimization } = request;
  refuseUnbuildable(request, target);
  if (isPbsValue(value)) {
    const pbs = await obtainPbsDistribution(value, target, cacheRoot, log);
    return { ...native(pbs.distribution, pbs.reused, pbs.source), sha256: pbs.sha256 };
  }
  if ((0, import_node_fs30.existsSync)(value) && (0, import_node_fs30.statSync)(value).isDirectory()) {
    if (!(0, import_node_fs30.existsSync)(import_node_path46.default.join(value, "PYTHON.json")))
      throw new DistributionSourceError(value, "the directory has no PYTHON.json");
    return native(await readDistribution(import_node_path46.default.resolve(value)), true, import_node_path46.default.resolve(value));
  }
  const { tarball, source } = await locateTarball(value, cacheRoot, log);
  const freeThreaded = parseCPythonValue(value)?.freeThreaded ?? false;
  if (target.crossCompiling) {
    return buildCrossDistribution({ tarball, source }, { ...request, freeThreaded }, target, cacheRoot, log);
  }
  const built = await buildDistributionFromSource({
    tarball,
    target,
    buildPython: null,
    optimization,
    freeThreaded,
    cacheRoot,
    log
  });
  return native(built.distribution, built.reused, source);
}
function native(distribution, reused, source) {
  return {
    distribution,
    buildDistribution: distribution,
    crossSysconfigName: null,
    sha256: distribution.json.pyseal?.source_sha256 ?? null,
    reused,
    source
  };
}
function refuseUnbuildable(request, target) {
  const { value, optimization } = request;
  const sourceTarball = !isPbsValue(value) && (/^(debian:|cpython:|https?:\/\/)/.test(value) || isTarball(value));
  if (target.crossCompiling && !sourceTarball) {
    throw new DistributionSourceError(
      value,
      `a cross build (${target.triple} from ${target.host}) builds CPython twice from one source tarball, for this machine and for the target; give a CPython source tarball (path or URL) or debian:python3.N`
    );
  }
  if (!sourceTarball && optimization !== "none") {
    throw new DistributionSourceError(
      value,
      `--python-optimization ${optimization} applies to a CPython built from source; this distribution is already built (for python-build-standalone, choose its variant instead, e.g. pbs:3.11:pgo+lto)`
    );
  }
  if (target.crossCompiling && optimization === "pgo+lto") {
    throw new DistributionSourceError(
      value,
      `--python-optimization pgo+lto profiles the interpreter by running it, and a ${target.triple} interpreter cannot run on ${target.host}; use lto for a cross build, or build on a ${target.triple} runner`
    );
  }
}
async function buildCrossDistribution({ tarball, source }, request, target, cacheRoot, log) {
  log(`  CPython for ${target.host} first: the cross build runs it`);
  const hostTarget = selectToolchain(findTarget(target.host), target.host);
  const { freeThreaded, optimization } = request;
  const host = await buildDistributionFromSource({
    tarball,
    target: hostTarget,
    buildPython: null,
    optimization: "none",
    freeThreaded,
    cacheRoot,
    log
  });
  const hostJson = host.distribution.json;
  const buildPython = {
    exe: import_node_path46.default.join(host.distribution.root, hostJson.python_exe),
    stdlib: import_node_path46.default.join(host.distribution.root, hostJson.python_paths.stdlib),
    key: host.key
  };
  const built = await buildDistributionFromSource({
    tarball,
    target,
    buildPython,
    optimization,
    freeThreaded,
    cacheRoot,
    log
  });
  return {
    distribution: built.distribution,
    buildDistribution: host.distribution,
    crossSysconfigName: await shareSysconfigData(
      import_node_path46.default.join(built.distribution.root, built.distribution.json.python_paths.stdlib),
      built.key,
      buildPython.stdlib
    ),
    sha256: built.distribution.json.pyseal?.source_sha256 ?? null,
    reused: built.reused && host.reused,
    source
  };
}
function isTarball(value) {
  return /\.(tgz|tar\.gz|tar\.xz|tar\.zst|tar\.bz2|zip)$/.test(value);
}
async function locateTarball(value, cacheRoot, log) {
  const named = (tarball) => ({ tarball, source: import_node_path46.default.basename(tarball) });
  if (value.startsWith("debian:"))
    return named(await debianSourceTarball(value.slice("debian:".length), cacheRoot, log));
  if (value.startsWith("cpython:")) {
    const fetched = await fetchCPythonSource(value, cacheRoot, log);
    return { tarball: fetched.file, source: `${import_node_path46.default.basename(fetched.file)}: ${fetched.from}` };
  }
  if (/^https?:\/\//.test(value)) return named(await downloadTarball(value, cacheRoot, log));
  if (!(0, import_node_fs30.existsSync)(value)) throw new DistributionSourceError(value, "no such file");
  if (!isTarball(value)) {
    throw new DistributionSourceError(value, "not a .tgz, .tar.gz, .tar.xz, .tar.zst, .tar.bz2 or .zip archive");
  }
  return named(import_node_path46.default.resolve(value));
}
async function debianSourceTarball(pkg, cacheRoot, log) {
  if (!/^python3\.\d+$/.test(pkg)) throw new DistributionSourceError(`debian:${pkg}`, "expected debian:python3.N");
  const { root } = await cachedEntry({
    kind: DOWNLOAD,
    root: import_node_path46.default.join(cacheRoot, "sources", pkg),
    describe: `Debian source package ${pkg}`,
    legacyComplete: (root2) => (0, import_node_fs30.existsSync)(root2) && findOrig(root2, pkg) !== null,
    build: (dir) => fetchDebianSource(pkg, dir, log),
    log
  });
  return findOrig(root, pkg);
}
async function fetchDebianSource(pkg, dir, log) {
  log(`  downloading Debian source package ${pkg}`);
  const release = pkg === "python3.11" ? pkg : `${pkg}/trixie`;
  const result = await runCommand({ command: "apt-get", args: ["source", "--download-only", release], cwd: dir });
  if (!findOrig(dir, pkg)) {
    throw new DistributionSourceError(
      `debian:${pkg}`,
      `apt-get source found no tarball (${result.stderr.trim().split("\n").pop() ?? "no output"}); run scripts/setup-system.sh, which adds the deb-src entries`
    );
  }
}
function findOrig(dir, pkg) {
  const names = (0, import_node_fs30.readdirSync)(dir).filter((n) => n.startsWith(`${pkg}_`) && /\.orig\.tar\.(gz|xz)$/.test(n)).sort();
  return names.length > 0 ? import_node_path46.default.join(dir, names[names.length - 1]) : null;
}
async function downloadTarball(value, cacheRoot, log) {
  const url = new URL(value);
  const pinned = /^#sha256=([0-9a-fA-F]{64})$/.exec(url.hash)?.[1]?.toLowerCase() ?? null;
  url.hash = "";
  const result = await downloadCPythonSource({ url: url.toString(), sha256: pinned, cacheRoot, log });
  if (!pinned) {
    log(
      `  ${url.toString()} is not pinned: its sha256 is ${result.sha256}; give ${url.toString()}#sha256=${result.sha256} to refuse anything else`
    );
  }
  return result.file;
}

// src/link/embed.ts
var import_promises28 = require("node:fs/promises");
var import_node_path51 = __toESM(require("node:path"));

// src/exec/pyseal-python.ts
var import_node_path47 = __toESM(require("node:path"));
async function runPysealPython(distribution, args) {
  const env = { ...process.env, PYTHONPATH: import_node_path47.default.join(packageRoot(), "python") };
  delete env.PYSEAL_CAPTURE_DIR;
  const python = import_node_path47.default.join(distribution.root, distribution.json.python_exe);
  return (await runChecked({ command: python, args, env })).stdout;
}

// src/resolve/memory-images.ts
var import_promises27 = require("node:fs/promises");
var import_node_path50 = __toESM(require("node:path"));

// src/link/elf-dynamic.ts
async function readDynamicSection(file) {
  const result = await runCommand({ command: "readelf", args: ["-d", "-W", file] });
  if (result.code !== 0) throw new Error(`readelf -d ${file} failed: ${result.stderr.trim()}`);
  const output = result.stdout + result.stderr;
  const needed = [...output.matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)].map((m) => m[1]);
  const runpath = [...output.matchAll(/\((?:RUNPATH|RPATH)\)\s+Library (?:runpath|rpath): \[([^\]]+)\]/g)].flatMap((m) => m[1].split(":")).filter((dir) => dir !== "");
  const soname = /\(SONAME\)\s+Library soname: \[([^\]]+)\]/.exec(output)?.[1] ?? null;
  return { static: /There is no dynamic section/.test(output), needed, soname, runpath };
}

// src/link/patchelf.ts
var import_node_path48 = __toESM(require("node:path"));
async function patchelf(args, file, why2) {
  let result;
  try {
    result = await runCommand({ command: "patchelf", args: [...args, file] });
  } catch {
    throw new UserError({
      input: "patchelf",
      cause: `is needed to ${why2} (${import_node_path48.default.basename(file)}), and it is not installed`,
      fix: "install it (Debian/Ubuntu: apt-get install patchelf), or use --flavor static"
    });
  }
  if (result.code !== 0) throw new Error(`patchelf ${args.join(" ")} ${file} failed: ${result.stderr.trim()}`);
}

// src/resolve/library-closure.ts
var import_node_fs31 = require("node:fs");
var import_node_path49 = __toESM(require("node:path"));
var ALWAYS_PRESENT = [/^ld-linux.*\.so/, /^libgcc_s\.so/, /^libstdc\+\+\.so/];
async function libraryClosure(module2, search) {
  const dynamic = await readDynamicSection(module2);
  const closure = { found: [], missing: [] };
  const seen = /* @__PURE__ */ new Set();
  const queue = [
    { needed: dynamic.needed, dirs: resolveRunpath(dynamic.runpath, module2), neededBy: null }
  ];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const needer = closure.found.find((l) => l.soname === next?.neededBy);
    for (const soname of next.needed.filter((n) => !isSystemLibrary(n, search.target))) {
      needer?.needs.push(soname);
      if (seen.has(soname)) continue;
      seen.add(soname);
      const file = [...next.dirs, ...search.searchDirs].map((dir) => import_node_path49.default.join(dir, soname)).find((f) => (0, import_node_fs31.existsSync)(f));
      if (!file) {
        closure.missing.push({ soname, neededBy: next.neededBy });
        continue;
      }
      closure.found.push({ soname, file, neededBy: next.neededBy, needs: [] });
      const own = await readDynamicSection(file);
      queue.push({ needed: own.needed, dirs: resolveRunpath(own.runpath, file), neededBy: soname });
    }
  }
  return closure;
}
function dependenciesFirst(found) {
  const bySoname = new Map(found.map((l) => [l.soname, l]));
  const ordered = [];
  const visited = /* @__PURE__ */ new Set();
  const visit = (library) => {
    if (visited.has(library.soname)) return;
    visited.add(library.soname);
    for (const need of library.needs) {
      const dependency = bySoname.get(need);
      if (dependency) visit(dependency);
    }
    ordered.push(library);
  };
  found.forEach(visit);
  return ordered;
}
function missingLibraryReasons(closure, module2, target) {
  return closure.missing.map(({ soname, neededBy }) => ({
    code: "LIBRARY_MISSING",
    message: `${neededBy === null ? module2 : `${neededBy} (bundled for it)`} needs ${soname} at run time, which is not in its RUNPATH or ${target.triple}'s library directories`,
    hint: `install ${soname} on the machines that run the binary, or make it findable when building`
  }));
}
function resolveRunpath(runpath, file) {
  return runpath.map((dir) => dir.replace(/\$(ORIGIN|\{ORIGIN\})/g, import_node_path49.default.dirname(file)));
}
function isSystemLibrary(soname, target) {
  if (ALWAYS_PRESENT.some((pattern) => pattern.test(soname))) return true;
  return target.toolchain.systemLibraries.some((name) => soname.startsWith(`lib${name}.so`));
}

// src/resolve/memory-images.ts
var MEMORY_LIBRARIES = "__pyseal__/libraries";
async function planMemoryImages(plans, search) {
  for (const plan of plans) {
    if (plan.location !== "in-memory" || !plan.standaloneFile) continue;
    const { source, relative } = plan.standaloneFile;
    const closure = await libraryClosure(source, search);
    plan.reasons.push(...missingLibraryReasons(closure, relative, search.target));
    const libraries = [];
    for (const library of dependenciesFirst(closure.found)) {
      const member = `${MEMORY_LIBRARIES}/${library.soname}`;
      libraries.push({ source: await withSoname(library.file, library.soname, search.workDir), member });
      const by = library.neededBy === null ? "" : `, needed by ${library.neededBy}`;
      plan.reasons.push({
        code: "LIBRARY_BUNDLED",
        message: `${library.soname} (from ${import_node_path50.default.dirname(library.file)}${by}) embedded in the executable as ${member}, loaded from memory before the module`
      });
    }
    plan.memoryImage = { member: relative, libraries };
  }
}
function memoryImageFiles(plans) {
  return plans.flatMap(
    (plan) => plan.memoryImage && plan.standaloneFile ? [{ source: plan.standaloneFile.source, member: plan.memoryImage.member }, ...plan.memoryImage.libraries] : []
  );
}
async function withSoname(file, soname, workDir) {
  if ((await readDynamicSection(file)).soname === soname) return file;
  const copy = import_node_path50.default.join(workDir, "memory-libraries", soname);
  await (0, import_promises27.mkdir)(import_node_path50.default.dirname(copy), { recursive: true });
  await (0, import_promises27.copyFile)(file, copy);
  await patchelf(["--set-soname", soname], copy, "give it the SONAME a module loaded from memory needs it by");
  return copy;
}

// src/link/embed.ts
async function embedResources(request) {
  const { distribution, workDir } = request;
  const stdlib = import_node_path51.default.join(distribution.root, distribution.json.python_paths.stdlib);
  const roots = [
    {
      path: stdlib,
      exclude: [
        ...request.stdlibExclude,
        "site-packages",
        "lib-dynload",
        "config-*",
        "__phello__",
        "EXTERNALLY-MANAGED",
        // A cross build's target sysconfig data, kept beside a build Python (source-tree.ts).
        `_sysconfigdata_*${SHARED_SYSCONFIG_MARK}*`,
        ...request.packageData?.stdlibExclude ?? []
      ],
      ...request.stdlibTopLevel ? { include: request.stdlibTopLevel } : {},
      // CPython's test suite ships files that must not compile (badsyntax_*.py, lib2to3 data).
      allow_compile_errors: true
    }
  ];
  if (request.siteDir) {
    roots.push({ path: request.siteDir, exclude: ["bin", ...request.packageData?.siteExclude ?? []] });
    roots.push(...request.packageData?.roots ?? []);
  }
  const memoryFiles = memoryImageFiles(request.plans ?? []).map((f) => ({ src: f.source, dst: f.member }));
  const manifest = import_node_path51.default.join(workDir, "resources.json");
  await (0, import_promises28.writeFile)(
    manifest,
    JSON.stringify(
      { version: 1, optimize: 0, compression: "deflated", bytecode_compression: "stored", roots, files: memoryFiles },
      null,
      2
    )
  );
  const archive = import_node_path51.default.join(workDir, "resources.zip");
  const buildDistribution = request.buildDistribution ?? distribution;
  const stdout = await runPysealPython(buildDistribution, [
    "-m",
    "pyseal_pack",
    "--manifest",
    manifest,
    "--out",
    archive
  ]);
  const partial = `${request.output}.partial`;
  await (0, import_promises28.rm)(partial, { force: true });
  await (0, import_promises28.copyFile)(request.nativeExecutable, partial);
  await (0, import_promises28.appendFile)(partial, await (0, import_promises28.readFile)(archive));
  await (0, import_promises28.chmod)(partial, 493);
  await (0, import_promises28.rename)(partial, request.output);
  return { archive, summary: stdout.trim().split("\n").pop() ?? "" };
}

// src/link/package-data.ts
var import_node_fs32 = require("node:fs");
var import_promises29 = require("node:fs/promises");
var import_node_path52 = __toESM(require("node:path"));
function locatePackageData(locations, search) {
  return locations.map((location) => {
    const name = location.package;
    for (const [root, inStdlib] of [
      [search.siteDir, false],
      [search.stdlibDir, true]
    ]) {
      const dir = import_node_path52.default.join(root, name);
      if (!(0, import_node_fs32.existsSync)(dir) || !(0, import_node_fs32.statSync)(dir).isDirectory()) continue;
      if (inStdlib && search.stdlibExclude.includes(name)) {
        throw new UserError({
          input: `package-data-location ${name}`,
          cause: `names the stdlib package ${name}, which --stdlib-exclude leaves out`,
          fix: `take ${name} out of --stdlib-exclude (none keeps the whole stdlib), or leave it out here`
        });
      }
      return { ...location, root, inStdlib };
    }
    const single = (0, import_node_fs32.existsSync)(import_node_path52.default.join(search.siteDir, `${name}.py`));
    throw new UserError({
      input: `package-data-location ${name}`,
      cause: single ? `${name} is a single module, not a package with files of its own` : `the app's installed packages have no top-level package ${name}`,
      fix: "give the import name of a package the app installs (its folder in site-packages), or leave it out"
    });
  });
}
function packageDataRoots(located) {
  return {
    siteExclude: located.filter((l) => !l.inStdlib).map((l) => l.package),
    stdlibExclude: located.filter((l) => l.inStdlib).map((l) => l.package),
    roots: located.filter((l) => l.location.kind === "user-cache").map((l) => ({
      path: l.root,
      include: [l.package],
      prefix: "__pyseal__/packages",
      pycache: true,
      digest_file: `__pyseal__/packages/${l.package}.sha256`,
      // CPython's test suite ships files that must not compile, as in the stdlib root
      allow_compile_errors: l.inStdlib
    }))
  };
}
function packageDirectories(locations) {
  const dirs = locations.flatMap((l) => l.location.kind === "filesystem-relative" ? [l.location.dir] : []);
  return [...new Set(dirs)];
}
function extractedPackages(locations) {
  return locations.filter((l) => l.location.kind === "user-cache").map((l) => l.package);
}
async function shipPackageData(request) {
  const shipped = [];
  for (const { package: name, location, root, inStdlib } of request.located) {
    if (location.kind !== "filesystem-relative") continue;
    const manifest = import_node_path52.default.join(request.workDir, `package-data-${name}.json`);
    const tree = import_node_path52.default.join(request.workDir, `package-data-${name}`);
    const roots = [{ path: root, include: [name], pycache: true, allow_compile_errors: inStdlib }];
    await (0, import_promises29.writeFile)(manifest, JSON.stringify({ version: 1, optimize: 0, roots }));
    await (0, import_promises29.rm)(tree, { recursive: true, force: true });
    await runPysealPython(request.buildDistribution, ["-m", "pyseal_pack", "--manifest", manifest, "--out-dir", tree]);
    const dest = import_node_path52.default.join(request.outDir, location.dir, name);
    await (0, import_promises29.rm)(dest, { recursive: true, force: true });
    await (0, import_promises29.mkdir)(import_node_path52.default.dirname(dest), { recursive: true });
    await (0, import_promises29.rename)(import_node_path52.default.join(tree, name), dest);
    for (const file of await filesUnder(dest)) shipped.push(import_node_path52.default.relative(request.outDir, file));
  }
  return shipped.sort();
}
async function filesUnder(dir) {
  const files = [];
  for (const entry of await (0, import_promises29.readdir)(dir, { withFileTypes: true })) {
    const full = import_node_path52.default.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...await filesUnder(full));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}
function packageDataEntries(locations) {
  return locations.map(
    ({ package: name, location }) => location.kind === "filesystem-relative" ? {
      package: name,
      location: `filesystem-relative:${location.dir}`,
      message: `${name} is imported from ${location.dir}/${name}/ beside the binary (package-data-location), so code outside Python can open its files by the paths its __file__ gives: ship the folder`
    } : {
      package: name,
      location: "user-cache",
      message: `${name} is extracted on its first import to the user's cache directory ($XDG_CACHE_HOME/pyseal/packages/<sha256>/, checked by hash) and imported from there (package-data-location), so code outside Python can open its files by path`
    }
  );
}

// src/link/ship-standalone.ts
var import_promises30 = require("node:fs/promises");
var import_node_path53 = __toESM(require("node:path"));
async function shipStandaloneModules(request) {
  const { outDir, sideDirectory } = request;
  const shipped = /* @__PURE__ */ new Set();
  if (!sideDirectory) return [];
  const sideRoot = import_node_path53.default.join(outDir, sideDirectory);
  for (const plan of request.plans) {
    if (plan.status !== "standalone" || !plan.standaloneFile || plan.location === "in-memory") continue;
    const dest = import_node_path53.default.join(sideRoot, plan.standaloneFile.relative);
    await (0, import_promises30.mkdir)(import_node_path53.default.dirname(dest), { recursive: true });
    await (0, import_promises30.copyFile)(plan.standaloneFile.source, dest);
    shipped.add(`${sideDirectory}/${plan.standaloneFile.relative}`);
    const closure = await libraryClosure(plan.standaloneFile.source, request);
    plan.reasons.push(...missingLibraryReasons(closure, plan.standaloneFile.relative, request.target));
    for (const library of closure.found) {
      await (0, import_promises30.copyFile)(library.file, import_node_path53.default.join(sideRoot, library.soname));
      shipped.add(`${sideDirectory}/${library.soname}`);
      const by = library.neededBy === null ? "" : `, needed by ${library.neededBy}`;
      plan.reasons.push({
        code: "LIBRARY_BUNDLED",
        message: `${library.soname} (from ${import_node_path53.default.dirname(library.file)}${by}) shipped as ${sideDirectory}/${library.soname}, found through $ORIGIN`
      });
    }
    for (const library of closure.found.filter((l) => l.needs.length > 0)) {
      await setRunpath(import_node_path53.default.join(sideRoot, library.soname), "$ORIGIN");
    }
    if (closure.found.length > 0) {
      const up = import_node_path53.default.relative(import_node_path53.default.dirname(dest), sideRoot) || ".";
      await setRunpath(dest, up === "." ? "$ORIGIN" : `$ORIGIN/${up}`);
      request.log(`  ${plan.module}: bundled ${closure.found.map((l) => l.soname).join(", ")} in ${sideDirectory}/`);
    }
  }
  return [...shipped].sort();
}
async function setRunpath(file, runpath) {
  await patchelf(["--set-rpath", runpath], file, "point it at the libraries bundled beside it");
}

// src/link/side-files.ts
async function shipSideFiles(request) {
  const sideFiles = [...await shipStandaloneModules(request), ...await shipPackageData(request)].sort();
  if (sideFiles.length > 0) {
    const shown = sideFiles.length <= 5 ? sideFiles : [...new Set(sideFiles.map((f) => f.split("/").slice(0, 2).join("/")))];
    request.log(`the binary needs ${shown.join(", ")} beside it: ship ${request.outDir} as a folder`);
  }
  return sideFiles;
}

// src/link/link-executable.ts
var import_node_fs34 = require("node:fs");
var import_promises33 = require("node:fs/promises");
var import_node_path56 = __toESM(require("node:path"));

// src/link/app-header.ts
function renderAppHeader(request) {
  const entries = [];
  for (const [module2, variants] of Object.entries(request.distribution.json.build_info.extensions)) {
    const variant2 = variants[0];
    if (variant2.in_core) entries.push([module2, variant2.init_fn === "NULL" ? null : variant2.init_fn]);
  }
  for (const plan of request.plans) {
    if (plan.status === "builtin") entries.push([plan.module, plan.linkedInitFunction]);
  }
  entries.sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  const lines = [
    "/* Generated by pyseal for one executable; see the contract in c/README.md. */",
    "#ifndef PYSEAL_APP_H",
    "#define PYSEAL_APP_H"
  ];
  if (request.entryPoint) lines.push(`#define PYSEAL_ENTRY_POINT ${JSON.stringify(request.entryPoint)}`);
  lines.push(`#define PYSEAL_OPTIMIZE ${request.optimize}`);
  const standalone = request.plans.filter((p) => p.status === "standalone" && p.standaloneFile && !p.memoryImage);
  if (standalone.length > 0 && request.sideDirectory) {
    lines.push(`#define PYSEAL_SIDE_DIR ${JSON.stringify(request.sideDirectory)}`);
    const table = Object.fromEntries(standalone.map((p) => [p.module, p.standaloneFile?.relative]));
    lines.push(`#define PYSEAL_STANDALONE_MODULES ${JSON.stringify(JSON.stringify(table))}`);
  }
  const inMemory = request.plans.filter((p) => p.status === "standalone" && p.memoryImage);
  if (inMemory.length > 0) {
    const table = Object.fromEntries(
      inMemory.map((p) => [p.module, [p.memoryImage?.member, p.memoryImage?.libraries.map((l) => l.member)]])
    );
    lines.push(`#define PYSEAL_MEMORY_MODULES ${JSON.stringify(JSON.stringify(table))}`);
  }
  const leftOut = request.plans.filter((p) => p.origin === "package" && p.status === "excluded");
  if (leftOut.length > 0) {
    const table = Object.fromEntries(leftOut.map((p) => [p.module, leftOutMessage(p)]));
    lines.push(`#define PYSEAL_LEFT_OUT_MODULES ${JSON.stringify(JSON.stringify(table))}`);
  }
  if (request.stdlibLeftOut?.length) {
    lines.push(`#define PYSEAL_STDLIB_LEFT_OUT ${JSON.stringify(request.stdlibLeftOut.join(" "))}`);
  }
  if (request.packageDirs?.length) {
    lines.push(`#define PYSEAL_PACKAGE_DIRS ${request.packageDirs.map((d) => JSON.stringify(d)).join(", ")}`);
  }
  if (request.extractedPackages?.length) {
    lines.push(`#define PYSEAL_EXTRACTED_PACKAGES ${JSON.stringify(JSON.stringify(request.extractedPackages))}`);
  }
  const declared = /* @__PURE__ */ new Set();
  for (const [, fn] of entries) {
    if (fn && !declared.has(fn)) {
      declared.add(fn);
      lines.push(`extern PyObject *${fn}(void);`);
    }
  }
  const dotted = entries.filter(([module2, fn]) => fn && module2.includes("."));
  if (dotted.length > 0) {
    lines.push("#define PYSEAL_DOTTED_INITS \\");
    dotted.forEach(
      ([module2, fn], i) => lines.push(`    PYSEAL_DOTTED(pyseal_dotted_init_${i}, ${JSON.stringify(module2)}, ${fn}) \\`)
    );
    lines.push("");
  }
  const wrapperOf = new Map(dotted.map(([module2], i) => [module2, `pyseal_dotted_init_${i}`]));
  lines.push("#define PYSEAL_INITTAB_ENTRIES \\");
  for (const [module2, fn] of entries) {
    lines.push(`    {${JSON.stringify(module2)}, ${wrapperOf.get(module2) ?? fn ?? "NULL"}}, \\`);
  }
  lines.push("", "#endif", "");
  return lines.join("\n");
}
function leftOutMessage(plan) {
  const why2 = plan.reasons.map((r) => `${r.code}: ${r.message}`).join("; ");
  const hints = plan.reasons.flatMap((r) => r.hint ? [r.hint] : []);
  const text = `${plan.module} is not in this executable: pyseal left it out (${why2}).${hints.length > 0 ? ` To change that: ${hints.join("; ")}.` : ""}`;
  return [...text].map((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? " " : c).join("");
}

// src/link/exports.ts
var import_node_fs33 = require("node:fs");
var import_promises31 = require("node:fs/promises");
var import_node_path54 = __toESM(require("node:path"));
var SYMBOL_LINE = /^\s*\d+:\s+[0-9a-fA-F]+\s+\S+\s+\S+\s+(GLOBAL|WEAK)\s+(DEFAULT|PROTECTED|HIDDEN|INTERNAL)(?:\s+\[[^\]]*\])*\s+(\S+)\s+(\S+)/;
function parseSymbols(readelfOutput) {
  const symbols = [];
  for (const line of readelfOutput.split("\n")) {
    const match = SYMBOL_LINE.exec(line);
    if (!match) continue;
    const [, binding, visibility, section, fullName] = match;
    const at = fullName.indexOf("@");
    symbols.push({
      name: at < 0 ? fullName : fullName.slice(0, at),
      version: at < 0 ? null : fullName.slice(at).replace(/^@+/, ""),
      defined: section !== "UND",
      binding,
      visibility
    });
  }
  return symbols;
}
var FILES_PER_RUN = 200;
async function readSymbols(files, table) {
  const symbols = [];
  for (let start = 0; start < files.length; start += FILES_PER_RUN) {
    const batch = files.slice(start, start + FILES_PER_RUN);
    const args = ["-W", table === "static" ? "-s" : "--dyn-syms", ...batch];
    const result = await runCommand({ command: "readelf", args });
    if (result.code !== 0) throw new Error(`readelf ${args.slice(0, 2).join(" ")} failed: ${result.stderr.trim()}`);
    symbols.push(...parseSymbols(result.stdout));
  }
  return symbols;
}
async function cApiSymbols(coreObjects) {
  const symbols = await readSymbols(coreObjects, "static");
  const exported = symbols.filter((s) => s.defined && (s.visibility === "DEFAULT" || s.visibility === "PROTECTED"));
  return [...new Set(exported.map((s) => s.name))].sort();
}
async function shippedModuleNeeds(plans) {
  const needs = /* @__PURE__ */ new Set();
  for (const plan of plans) {
    if (plan.status !== "standalone" || !plan.standaloneFile) continue;
    const file = plan.standaloneFile.source;
    const dynamic = await readDynamicSection(file);
    const ownDirs = dynamic.runpath.map((dir) => dir.replace(/\$(ORIGIN|\{ORIGIN\})/g, import_node_path54.default.dirname(file)));
    const libraries = dynamic.needed.map((soname) => ownDirs.map((dir) => import_node_path54.default.join(dir, soname)).find((candidate) => (0, import_node_fs33.existsSync)(candidate))).filter((found) => found !== void 0);
    const provided = new Set((await readSymbols(libraries, "dynamic")).filter((s) => s.defined).map((s) => s.name));
    for (const symbol of await readSymbols([file], "dynamic")) {
      if (!symbol.defined && symbol.binding === "GLOBAL" && !symbol.version && !provided.has(symbol.name)) {
        needs.add(symbol.name);
      }
    }
  }
  return [...needs].sort();
}
async function definedNeeds(plans, linkInputs) {
  const needs = await shippedModuleNeeds(plans);
  if (needs.length === 0) return [];
  const defined = new Set((await readSymbols(linkInputs, "static")).filter((s) => s.defined).map((s) => s.name));
  return needs.filter((name) => defined.has(name));
}
function renderExportScript(symbols) {
  return [
    "VERSION {",
    "  {",
    "    global:",
    ...symbols.map((name) => `      ${name};`),
    "    local:",
    "      *;",
    "  };",
    "}",
    ""
  ].join("\n");
}
async function writeExportScript(request) {
  const { distribution, plans, workDir } = request;
  const core = distribution.json.build_info.core.objs.map((o) => import_node_path54.default.join(distribution.root, o));
  const symbols = /* @__PURE__ */ new Set([...await cApiSymbols(core), ...await definedNeeds(plans, request.linkInputs)]);
  if (symbols.size === 0) throw new Error(`${distribution.root}: CPython's core objects define no exported symbol`);
  const file = import_node_path54.default.join(workDir, "exports.o");
  await (0, import_promises31.writeFile)(file, renderExportScript([...symbols].sort()));
  return file;
}

// src/link/localize.ts
var import_promises32 = require("node:fs/promises");
var import_node_path55 = __toESM(require("node:path"));
async function localizeExtension(plan, workDir, toolchain) {
  const initFunction = plan.initFunction;
  const linked = plan.linkedInitFunction;
  if (!initFunction || !linked) throw new Error(`${plan.module} has no init function to keep`);
  if (!toolchain.objcopy) {
    throw new Error(
      `${plan.module}: pyseal makes an extension's symbols private with objcopy, which this target's toolchain has not; only ELF targets (Linux) can link third-party extensions so far`
    );
  }
  const merged = import_node_path55.default.join(workDir, `${plan.module}.merged.o`);
  const localized = import_node_path55.default.join(workDir, `${plan.module}.o`);
  await mergeObjects(plan, merged, toolchain);
  const keep = [linked, ...await weakSymbols(merged, toolchain)];
  const keepFile = import_node_path55.default.join(workDir, `${plan.module}.keep`);
  await (0, import_promises32.writeFile)(keepFile, keep.join("\n") + "\n");
  const args = ["-w"];
  if (linked !== initFunction) args.push(`--redefine-sym=${initFunction}=${linked}`);
  args.push(`--keep-global-symbols=${keepFile}`, merged, localized);
  await runChecked({ command: toolchain.objcopy, args });
  return localized;
}
async function mergeObjects(plan, merged, toolchain) {
  const inputs = relocatableInputs(plan);
  if (plan.language !== "rust") {
    await runChecked({ command: toolchain.ld, args: ["-r", "-o", merged, ...inputs] });
    return;
  }
  const raw = `${merged}.raw`;
  await runChecked({ command: toolchain.ld, args: ["-r", "-z", "noexecstack", "-o", raw, ...inputs] });
  await runChecked({
    command: toolchain.objcopy,
    args: ["--remove-section=.llvmbc", "--remove-section=.llvmcmd", raw, merged]
  });
  await (0, import_promises32.rm)(raw, { force: true });
}
function relocatableInputs(plan) {
  const objects = plan.objects.filter((o) => !o.endsWith(".a"));
  const whole = plan.objects.filter((o) => o.endsWith(".a"));
  const inputs = [...objects];
  if (whole.length > 0) inputs.push("--whole-archive", ...whole, "--no-whole-archive");
  if (plan.archives.length > 0) inputs.push("--start-group", ...plan.archives, "--end-group");
  return inputs;
}
async function weakSymbols(object, toolchain) {
  const { stdout } = await runChecked({ command: toolchain.nm, args: ["--defined-only", "-P", object] });
  return stdout.split("\n").map((line) => line.split(" ")).filter(([name, type]) => name && ["W", "V", "u"].includes(type)).map(([name]) => name);
}

// src/link/link-executable.ts
function launcherSources() {
  const folder = import_node_path56.default.join(packageRoot(), "c");
  return (0, import_node_fs34.readdirSync)(folder).filter((name) => name.endsWith(".c")).sort().map((name) => import_node_path56.default.join(folder, name));
}
async function compileLauncher(cc, distribution, workDir, run) {
  const include = import_node_path56.default.join(distribution.root, distribution.json.python_paths.include);
  const objects = [];
  for (const source of launcherSources()) {
    const object = import_node_path56.default.join(workDir, `${import_node_path56.default.basename(source, ".c")}.o`);
    objects.push(object);
    await run(cc, [
      "-O2",
      "-g0",
      // Header paths reach the object through assert's __FILE__: the same name in any cache dir.
      `-ffile-prefix-map=${distribution.root}=/pyseal-python`,
      `-I${include}`,
      `-I${workDir}`,
      "-c",
      source,
      "-o",
      object
    ]);
  }
  return objects;
}
async function linkExecutable(request) {
  const { distribution, target, plans, workDir } = request;
  const toolchain = target.toolchain;
  await (0, import_promises33.mkdir)(workDir, { recursive: true });
  const commands = [];
  const run = async (command, args2) => {
    commands.push([command, ...args2]);
    await runChecked({ command, args: args2 });
  };
  await (0, import_promises33.writeFile)(
    import_node_path56.default.join(workDir, "pyseal_app.h"),
    renderAppHeader({
      distribution,
      plans,
      entryPoint: request.entryPoint,
      optimize: 0,
      sideDirectory: request.sideDirectory,
      packageDirs: request.packageDirs,
      extractedPackages: request.extractedPackages,
      stdlibLeftOut: request.stdlibLeftOut
    })
  );
  const launcherObjects = await compileLauncher(toolchain.cc, distribution, workDir, run);
  const builtins = plans.filter((p) => p.status === "builtin");
  const objects = [
    ...launcherObjects,
    ...distribution.json.build_info.core.objs.map((o) => import_node_path56.default.join(distribution.root, o))
  ];
  const extensionsDir = import_node_path56.default.join(workDir, "extensions");
  await (0, import_promises33.mkdir)(extensionsDir, { recursive: true });
  for (const plan of builtins) {
    if (plan.origin === "stdlib") objects.push(...plan.objects);
    else objects.push(plan.localized ?? await localizeExtension(plan, extensionsDir, toolchain));
  }
  const archives = /* @__PURE__ */ new Set();
  for (const extra of request.extraObjects) {
    if (extra.endsWith(".a")) archives.add(extra);
    else objects.push(extra);
  }
  const systemLibraries = /* @__PURE__ */ new Set();
  for (const link of distribution.json.build_info.core.links) systemLibraries.add(link.name);
  for (const plan of builtins) {
    for (const library of plan.libraries) {
      if (library.kind === "static") archives.add(library.path);
      else if (library.kind === "system") systemLibraries.add(library.name);
    }
  }
  const needsCxx = builtins.some((p) => p.language === "c++");
  const driver = needsCxx && request.cxx ? request.cxx : toolchain.cc;
  const args = ["-o", request.output, ...objects];
  if (archives.size > 0) args.push("-Wl,--start-group", ...[...archives].sort(), "-Wl,--end-group");
  args.push(...[...systemLibraries].sort().map((name) => `-l${name}`));
  if (needsCxx) args.push(...toolchain.cxxLinkFlags);
  args.push(...toolchain.linkFlags);
  if (target.objectFormat === "elf" && !target.capabilities.staticOnly) {
    const linkInputs = [...objects, ...archives];
    args.push("-Wl,--export-dynamic", await writeExportScript({ distribution, plans, linkInputs, workDir }));
  }
  await run(driver, args);
  if (toolchain.objcopy) await run(toolchain.objcopy, ["--strip-debug", request.output]);
  return { executable: request.output, commands };
}

// src/link/object-format.ts
var ObjectFormatError = class extends UserError {
  constructor(parts2, message) {
    super(parts2, message);
    this.name = "ObjectFormatError";
  }
};
function assertLinkable(distribution, target, source) {
  const format = distribution.objectFileFormat;
  const bitcode = /^llvm-bitcode:(\d+)/.exec(format);
  if (bitcode) {
    const cause = `holds LLVM bitcode objects (object_file_format ${format}): only clang and lld ${bitcode[1]} or newer link them, and pyseal links ${target.triple} with ${target.toolchain.cc}`;
    const fix = "Choose a variant with native objects (for example pbs:3.11:noopt), or let pyseal build CPython from source (--python-version 3.14, or --python-distribution with a CPython source tarball).";
    throw new ObjectFormatError({ input: source, cause, fix }, `${source} ${cause}. ${fix}`);
  }
  const native2 = { elf: "elf", "mach-o": "macho", coff: "coff" }[target.objectFormat];
  if (format.toLowerCase().replace(/[^a-z]/g, "") !== native2) {
    throw new ObjectFormatError({
      input: source,
      cause: `holds ${format} objects, but ${target.triple} links ${target.objectFormat} objects`,
      fix: `choose the distribution built for ${target.triple}`
    });
  }
}

// src/report/assemble.ts
var import_promises36 = require("node:fs/promises");
var import_node_path61 = __toESM(require("node:path"));

// src/publish/output-dir.ts
var import_node_fs35 = require("node:fs");
var import_promises34 = require("node:fs/promises");
var import_node_path57 = __toESM(require("node:path"));
var OutputWriteError = class extends UserError {
  constructor(file, error) {
    const parts2 = { input: file, cause: causeOf(error), fix: remedyOf(error) };
    super(parts2, `cannot write ${file}: ${parts2.cause}; ${parts2.fix}`);
    this.name = "OutputWriteError";
  }
};
function code(error) {
  return error?.code;
}
function causeOf(error) {
  switch (code(error)) {
    case "ENOSPC":
      return "the disk is full";
    case "EDQUOT":
      return "the disk quota is used up";
    case "EROFS":
      return "the file system is read-only";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOTDIR":
    case "EEXIST":
      return "a path on the way is a file, not a directory";
    default:
      return error.message;
  }
}
function remedyOf(error) {
  if (code(error) === "ENOSPC" || code(error) === "EDQUOT") return "free some space or choose another --out-dir";
  return "choose another --out-dir (out-dir in the action and [tool.pyseal])";
}
function outputFiles(executable) {
  return [executable, `${executable}.report.json`, `${executable}.report.md`, `${executable}.sha256`];
}
async function prepareOutputDir(outDir, executable) {
  if ((0, import_node_fs35.existsSync)(outDir) && !(0, import_node_fs35.statSync)(outDir).isDirectory()) {
    throw new OutputWriteError(outDir, Object.assign(new Error("not a directory"), { code: "ENOTDIR" }));
  }
  try {
    await (0, import_promises34.mkdir)(outDir, { recursive: true });
    for (const file of outputFiles(executable)) await (0, import_promises34.rm)(file, { force: true });
    const probe = import_node_path57.default.join(outDir, `.${import_node_path57.default.basename(executable)}.write-test`);
    await (0, import_promises34.writeFile)(probe, "pyseal");
    await (0, import_promises34.rm)(probe);
  } catch (error) {
    throw new OutputWriteError(outDir, error);
  }
}
function explainDiskFailure(error, dirs) {
  const text = `${error.code ?? ""} ${error.message}`;
  const where = `--out-dir ${dirs.outDir} or --cache-dir ${dirs.cacheDir}`;
  if (/ENOSPC|EDQUOT|No space left on device|Disk quota exceeded/.test(text) || noRoomLeft(dirs)) {
    const fix = `free some space, or give ${where} a disk with room`;
    return new UserError(
      { input: where, cause: "is on a full disk", fix },
      `a disk pyseal writes to is full: ${fix}.
${error.message}`
    );
  }
  if (/EROFS|Read-only file system/.test(text)) {
    const fix = `give ${where} a writable place`;
    return new UserError(
      { input: where, cause: "is on a read-only file system", fix },
      `a directory pyseal writes to is read-only: ${fix}.
${error.message}`
    );
  }
  return error;
}
function noRoomLeft(dirs) {
  return [dirs.outDir, dirs.cacheDir].some((dir) => {
    try {
      const space = (0, import_node_fs35.statfsSync)(dir);
      return space.bavail * space.bsize < 1024 * 1024;
    } catch {
      return false;
    }
  });
}
async function writeFileAtomic(file, data) {
  const partial = `${file}.partial`;
  try {
    await (0, import_promises34.writeFile)(partial, data);
    await (0, import_promises34.rename)(partial, file);
  } catch (error) {
    await (0, import_promises34.rm)(partial, { force: true }).catch(() => void 0);
    throw new OutputWriteError(file, error);
  }
}
async function moveIntoPlace2(staged, file) {
  try {
    await (0, import_promises34.mkdir)(import_node_path57.default.dirname(file), { recursive: true });
    await (0, import_promises34.rename)(staged, file);
  } catch (error) {
    throw new OutputWriteError(file, error);
  }
}

// src/report/input-digest.ts
var import_node_path58 = __toESM(require("node:path"));
async function digestInputs(inputs) {
  return {
    project: await hashTree(inputs.project),
    requirements: await Promise.all(
      inputs.requirements.map(async (file) => ({ file: import_node_path58.default.resolve(file), sha256: await sha256File(file) }))
    ),
    pythonDistribution: inputs.pythonDistribution
  };
}

// src/report/linkage.ts
async function readLinkage(file) {
  const dynamic = await readDynamicSection(file);
  return dynamic.static ? { kind: "static" } : { kind: "dynamic", needed: dynamic.needed };
}

// src/report/markdown.ts
var OUTCOME_WORD = {
  failed: "failed",
  excluded: "left out",
  standalone: "beside the binary",
  builtin: "built in"
};
function outcomeWord(m) {
  return m.location === "in-memory" ? "loaded from memory" : OUTCOME_WORD[m.status];
}
var PROBLEM_ORDER = { failed: 0, excluded: 1, standalone: 2, builtin: 3 };
var VERDICT_WORDS = {
  "all-builtin": "every extension module built in",
  fallback: "some extension modules are not built in",
  failed: "no binary"
};
function byProblem(a, b) {
  return PROBLEM_ORDER[a.status] - PROBLEM_ORDER[b.status] || (a.module < b.module ? -1 : a.module > b.module ? 1 : 0);
}
function cell(text) {
  return text.replace(/\|/g, "\\|").replace(/\n+/g, " ").trim();
}
function why(module2) {
  const shown = module2.status === "builtin" ? module2.reasons.filter((r) => r.code !== "SYMBOLS_LOCALIZED") : module2.reasons;
  return cell(shown.map((r) => `${r.code}: ${r.message}${r.hint ? ` (${r.hint})` : ""}`).join("; "));
}
function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
function megabytes(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
function requirement(requires) {
  if (!requires || requires === "static") return "";
  const parts2 = [
    requires.glibc && `glibc ${requires.glibc}`,
    requires.glibcxx && `GLIBCXX_${requires.glibcxx}`,
    requires.cxxabi && `CXXABI_${requires.cxxabi}`
  ].filter(Boolean);
  return parts2.length > 0 ? `; ${parts2.join(", ")} or newer` : "";
}
function renderReport(report) {
  const lines = [`### ${report.name} for ${report.target}: ${VERDICT_WORDS[report.verdict]}`, ""];
  if (report.error) lines.push(`**Build failed:** ${cell(report.error)}`, "");
  const facts = [];
  if (report.executable) {
    const linkage = report.executable.linkage.kind === "static" ? "fully static" : `needs ${report.executable.linkage.needed.join(", ") || "no shared libraries"}`;
    const requires = requirement(report.executable.requires);
    facts.push(`binary \`${report.executable.path}\` (${megabytes(report.executable.bytes)}, ${linkage}${requires})`);
    const side = report.executable.sideFiles;
    if (side.length > 0) {
      const shown = side.length > 8 ? [...side.slice(0, 8), `\u2026 ${side.length - 8} more`] : side;
      facts.push(`ships with ${shown.map((f) => f.startsWith("\u2026") ? f : `\`${f}\``).join(", ")} beside it`);
    }
  }
  if (report.python) {
    const { version, abi, freeThreaded, source } = report.python;
    const build = abi ? ` (${abi}${freeThreaded ? ", free-threaded" : ""})` : "";
    facts.push(`CPython ${version}${build} from ${source}`);
  }
  if (report.stdlib?.choice === "imported") {
    const count = plural(report.stdlib.leftOut.length, "top-level module");
    facts.push(`stdlib: what the app imports (${count} left out; \`--stdlib-include NAME\` keeps one)`);
  }
  const s = report.summary;
  const inMemory = report.modules.filter((m) => m.location === "in-memory").length;
  const loaded = inMemory > 0 ? `, ${inMemory} loaded from memory` : "";
  facts.push(
    `${s.builtin} built in, ${s.standalone - inMemory} beside the binary${loaded}, ${s.excluded} left out, ${s.failed} failed`
  );
  lines.push(facts.join(" \xB7 "), "");
  const packages = report.modules.filter((m) => m.origin === "package").sort(byProblem);
  if (packages.length > 0) {
    lines.push("| module | package | outcome | why |", "| --- | --- | --- | --- |");
    for (const m of packages) {
      const pkg = [m.package, m.version].filter(Boolean).join(" ");
      lines.push(`| \`${m.module}\` | ${cell(pkg)} | ${outcomeWord(m)} | ${why(m)} |`);
    }
  } else {
    lines.push("No third-party extension modules.");
  }
  for (const entry of report.packageData ?? []) {
    lines.push("", `Package \`${entry.package}\` (${entry.location}): ${cell(entry.message)}`);
  }
  const stdlib = report.modules.filter((m) => m.origin === "stdlib").sort(byProblem);
  const notBuiltIn = stdlib.filter((m) => m.status !== "builtin");
  if (stdlib.length > 0) {
    lines.push(
      "",
      "<details>",
      `<summary>stdlib: ${plural(stdlib.length - notBuiltIn.length, "extension module")} built in, ${notBuiltIn.length} not</summary>`,
      ""
    );
    for (const m of notBuiltIn) lines.push(`- \`${m.module}\`: ${outcomeWord(m)} (${why(m)})`);
    lines.push(
      `- built in: ${stdlib.filter((m) => m.status === "builtin").map((m) => m.module).join(", ")}`,
      ...report.stdlib?.leftOut.length ? [`- not imported, left out: ${report.stdlib.leftOut.join(", ")}`] : [],
      "",
      "</details>"
    );
  }
  return lines.join("\n") + "\n";
}
function renderMatrix(reports) {
  const targets = reports.map((r) => r.target);
  const lines = [
    `### Extension modules across ${plural(reports.length, "target")}`,
    "",
    `| module | ${targets.join(" | ")} |`,
    `| --- | ${targets.map(() => "---").join(" | ")} |`,
    `| **verdict** | ${reports.map((r) => VERDICT_WORDS[r.verdict]).join(" | ")} |`
  ];
  const names = /* @__PURE__ */ new Map();
  for (const report of reports) {
    for (const m of report.modules.filter((x) => x.origin === "package")) {
      names.set(m.module, Math.min(names.get(m.module) ?? 9, PROBLEM_ORDER[m.status]));
    }
  }
  const rows = [...names.entries()].sort(([a, x], [b, y]) => x - y || (a < b ? -1 : 1));
  for (const [name] of rows) {
    const cells = reports.map((r) => {
      const m = r.modules.find((x) => x.module === name);
      return m ? outcomeWord(m) : r.status === "ok" ? "not built" : "\u2014";
    });
    lines.push(`| \`${name}\` | ${cells.join(" | ")} |`);
  }
  return lines.join("\n") + "\n";
}

// src/report/portable.ts
var import_node_path59 = __toESM(require("node:path"));
var ROOT_NAMES = { project: "{project}", outDir: ".", cacheDir: "{cache-dir}" };
function portableStrings(value, roots) {
  const prefixes = Object.keys(ROOT_NAMES).map((key) => ({ from: import_node_path59.default.resolve(roots[key]), to: ROOT_NAMES[key] })).sort((a, b) => b.from.length - a.from.length);
  const rewrite = (text) => {
    let out = text;
    for (const { from, to } of prefixes) out = replacePrefix(out, from, to);
    return out;
  };
  const walk = (node) => {
    if (typeof node === "string") return rewrite(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === "object") {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    }
    return node;
  };
  return walk(value);
}
function replacePrefix(text, root, name) {
  if (root === import_node_path59.default.parse(root).root) return text;
  const escaped = root.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(new RegExp(`${escaped}(?=/|$|[^\\w.-])`, "g"), name);
}

// src/report/requires.ts
var import_promises35 = require("node:fs/promises");
var import_node_path60 = __toESM(require("node:path"));

// src/link/elf-versions.ts
async function readVersionNeeds(file) {
  const result = await runCommand({ command: "readelf", args: ["-W", "-V", "--dyn-syms", file] });
  if (result.code !== 0) throw new Error(`readelf -V ${file} failed: ${result.stderr.trim()}`);
  return parseVersionNeeds(result.stdout);
}
function parseVersionNeeds(output) {
  const needs = [];
  const symbols = undefinedSymbolVersions(output);
  let library = null;
  for (const line of sectionLines(output, /^Version needs section /)) {
    const file = /^\s*(?:0x)?[0-9a-f]+:\s+Version:\s+\d+\s+File:\s+(\S+)/.exec(line);
    if (file) {
      library = file[1];
      continue;
    }
    const name = /^\s*(?:0x)?[0-9a-f]+:\s+Name:\s+(\S+)\s+Flags:.*?Version:\s+(\d+)/.exec(line);
    if (name && library !== null) {
      const bound = symbols.get(`${name[1]} (${name[2]})`) ?? symbols.get(name[1]) ?? [];
      needs.push({ library, version: name[1], symbols: [...bound].sort() });
    }
  }
  return needs;
}
function undefinedSymbolVersions(output) {
  const byVersion = /* @__PURE__ */ new Map();
  for (const line of sectionLines(output, /^Symbol table '\.dynsym' /)) {
    const match = /\sUND\s+([^\s@]+)@([^\s@]+)(?:\s+\((\d+)\))?\s*$/.exec(line);
    if (!match) continue;
    const key = match[3] === void 0 ? match[2] : `${match[2]} (${match[3]})`;
    const names = byVersion.get(key) ?? /* @__PURE__ */ new Set();
    names.add(match[1]);
    byVersion.set(key, names);
  }
  return byVersion;
}
function sectionLines(output, header) {
  const lines = [];
  let inside = false;
  for (const line of output.split("\n")) {
    if (/^\S/.test(line)) inside = header.test(line);
    else if (inside) lines.push(line);
  }
  return lines;
}

// src/report/requires.ts
var FAMILIES = { glibc: "GLIBC_", glibcxx: "GLIBCXX_", cxxabi: "CXXABI_" };
var GLIBC_MARKER_RELEASES = { GLIBC_ABI_DT_RELR: "2.36" };
function releaseOf(family, version) {
  if (family === "glibc" && version in GLIBC_MARKER_RELEASES) return GLIBC_MARKER_RELEASES[version];
  const prefix = FAMILIES[family];
  if (!version.startsWith(prefix)) return null;
  const release = version.slice(prefix.length);
  return /^\d+(\.\d+)*$/.test(release) ? release : null;
}
async function readRequires(request) {
  if (request.target.objectFormat !== "elf") return null;
  if (request.linkage.kind === "static") return "static";
  const files = [request.binary];
  for (const name of request.sideFiles) {
    const file = import_node_path60.default.join(request.outDir, name);
    if (await isElf(file)) files.push({ file, name });
  }
  files.push(...request.embedded ?? []);
  const read = await Promise.all(files.map(async (f) => ({ file: f.name, needs: await readVersionNeeds(f.file) })));
  return requiresOf(read);
}
function requiresOf(files) {
  const perFile = files.map(({ file, needs }) => ({
    file,
    needs: Object.keys(FAMILIES).flatMap((family) => {
      const newest = newestOf(family, needs);
      return newest ? [{ version: newest.version, symbol: newest.symbols[0] ?? null }] : [];
    })
  }));
  const overall = (family) => newestRelease(perFile.flatMap((f) => f.needs.map((n) => releaseOf(family, n.version))));
  return { glibc: overall("glibc"), glibcxx: overall("glibcxx"), cxxabi: overall("cxxabi"), files: perFile };
}
function newestOf(family, needs) {
  let best = null;
  for (const need of needs) {
    const release = releaseOf(family, need.version);
    if (release === null) continue;
    const order = best ? compareVersions(release, best.release) : 1;
    if (order > 0 || order === 0 && best && best.need.symbols.length === 0 && need.symbols.length > 0) {
      best = { need, release };
    }
  }
  return best?.need ?? null;
}
function newestRelease(releases) {
  return releases.reduce(
    (a, b) => b === null || a !== null && compareVersions(a, b) >= 0 ? a : b,
    null
  );
}
async function isElf(file) {
  const handle = await (0, import_promises35.open)(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer.toString("latin1") === "\x7FELF";
  } finally {
    await handle.close();
  }
}

// src/report/schema.ts
var REPORT_SCHEMA = "pyseal-report/3";
var ReasonCodeSchema = external_exports.enum([
  "BUILTIN",
  "STDLIB_BUILTIN",
  "STDLIB_NOT_BUILT",
  "STDLIB_TEST_MODULE_LEFT_OUT",
  "STDLIB_NOT_IMPORTED",
  "NO_OBJECT_FILES",
  "MUSL_BUILTIN_ONLY",
  "STATIC_FLAVOR_BUILTIN_ONLY",
  "LIBRARY_LINKED_STATIC",
  "LIBRARY_BUILT_FROM_SOURCE",
  "LIBRARY_MISSING",
  "LIBRARY_BUNDLED",
  "SYMBOLS_LOCALIZED",
  "INIT_FUNCTION_RENAMED",
  "INTENDED_NOT_BUILT",
  "CXX_TOOLCHAIN_MISSING",
  "STANDALONE_SHARED_LIBRARY",
  "SHARED_LIBRARY_NOT_LOADABLE",
  "IN_MEMORY_SHARED_LIBRARY_UNSUPPORTED",
  "IN_MEMORY_SHARED_LIBRARY_DISALLOWED",
  "LOADED_FROM_MEMORY",
  "EXCLUDED_BY_POLICY",
  "STANDALONE_BY_POLICY",
  "LINKED_FROM_LINK_EXTRA",
  "LINK_FAILED",
  "NO_BINARY"
]);
var ReasonSchema = external_exports.object({
  code: ReasonCodeSchema,
  /** What happened, naming the module, package or library. */
  message: external_exports.string(),
  /** What the user can do about it, when there is something to do. */
  hint: external_exports.string().nullable().optional()
});
var LibraryResolutionSchema = external_exports.discriminatedUnion("kind", [
  /** Part of the target's C library: stays dynamic (glibc) or is the libc itself (musl). */
  external_exports.object({ name: external_exports.string(), kind: external_exports.literal("system") }),
  /** Linked from this static archive. */
  external_exports.object({ name: external_exports.string(), kind: external_exports.literal("static"), path: external_exports.string() }),
  /** Nowhere to be found; `searched` lists where pyseal looked. */
  external_exports.object({ name: external_exports.string(), kind: external_exports.literal("missing"), searched: external_exports.array(external_exports.string()) })
]);
var ModuleOutcomeSchema = external_exports.enum(["builtin", "standalone", "excluded", "failed"]);
var ReportModuleSchema = external_exports.object({
  /** Dotted module name (`markupsafe._speedups`). */
  module: external_exports.string(),
  /** `stdlib` for CPython's own extension modules, `package` for third-party ones. */
  origin: external_exports.enum(["stdlib", "package"]),
  /** The distribution (from its dist-info RECORD) that installed it, when known. */
  package: external_exports.string().nullable(),
  /** That distribution's version, when known. */
  version: external_exports.string().nullable(),
  /** built-in, shipped as a file beside the binary, left out, or failed. */
  status: ModuleOutcomeSchema,
  reasons: external_exports.array(ReasonSchema),
  /** For standalone modules: the file beside the binary, relative to the binary's directory (null when loaded from memory). */
  file: external_exports.string().nullable(),
  /** Where the module lives: `builtin`, `filesystem-relative:DIR`, `in-memory`, or null when nowhere. */
  location: external_exports.string().nullable(),
  /**
   * How its objects were captured: `setuptools._distutils`, `distutils` or `wrapper` for
   * packages, `link-extra` for declared ones, `distribution` for CPython's own; null when none were.
   */
  capture: external_exports.string().nullable(),
  language: external_exports.enum(["c", "c++", "rust"]),
  /** The init function as linked (renamed when two modules share one). */
  initFunction: external_exports.string().nullable(),
  libraries: external_exports.array(LibraryResolutionSchema)
});
var PackageDataEntrySchema = external_exports.object({
  /** The top-level package. */
  package: external_exports.string(),
  /** `filesystem-relative:DIR` (its folder beside the binary) or `user-cache` (extracted on first import). */
  location: external_exports.string(),
  /** Where its files are at run time, and why. */
  message: external_exports.string()
});
var LinkageSchema = external_exports.discriminatedUnion("kind", [
  external_exports.object({ kind: external_exports.literal("static") }),
  /** The shared libraries the binary needs at run time (ELF NEEDED). */
  external_exports.object({ kind: external_exports.literal("dynamic"), needed: external_exports.array(external_exports.string()) })
]);
var RequiresSchema = external_exports.union([
  external_exports.literal("static"),
  external_exports.object({
    /** The newest glibc release any of the files needs (`2.34` for GLIBC_2.34), null when none. */
    glibc: external_exports.string().nullable(),
    /** The newest libstdc++ symbol version (`3.4.29` for GLIBCXX_3.4.29), null when none. */
    glibcxx: external_exports.string().nullable(),
    /** The newest C++ ABI version (`1.3.13` for CXXABI_1.3.13), null when none. */
    cxxabi: external_exports.string().nullable(),
    /** The binary and each ELF file shipped beside it, relative to the output directory. */
    files: external_exports.array(
      external_exports.object({
        file: external_exports.string(),
        /** Its newest version of each family, as the file names it, and a symbol it takes at that version. */
        needs: external_exports.array(external_exports.object({ version: external_exports.string(), symbol: external_exports.string().nullable() }))
      })
    )
  })
]);
var VerdictSchema = external_exports.enum(["all-builtin", "fallback", "failed"]);
var ReportStdlibSchema = external_exports.object({
  choice: external_exports.enum(["all", "imported"]),
  /** Importing one raises ModuleNotFoundError naming `--stdlib-include NAME` (stdlib-exclude's are not listed). */
  leftOut: external_exports.array(external_exports.string())
});
var ReportSchema = external_exports.object({
  schema: external_exports.literal(REPORT_SCHEMA),
  tool: external_exports.object({ name: external_exports.literal("pyseal"), version: external_exports.string() }),
  name: external_exports.string(),
  target: external_exports.string(),
  status: external_exports.enum(["ok", "failed"]),
  verdict: VerdictSchema,
  /** The message the build stopped with, when it failed. */
  error: external_exports.string().nullable(),
  entryPoint: external_exports.string().nullable(),
  /** static: built-ins only; dynamic: shared-library files allowed beside the binary. */
  flavor: external_exports.enum(["static", "dynamic"]),
  /** What the build read, by content: two reports with equal inputs describe the same build. */
  inputs: external_exports.object({
    /** sha256 over the project's files (relative paths and bytes; build output and VCS folders skipped). */
    project: external_exports.string(),
    /** Each requirements file: its path (`{project}/…` inside the project) and the sha256 of its bytes. */
    requirements: external_exports.array(external_exports.object({ file: external_exports.string(), sha256: external_exports.string() })),
    /** --python-distribution as given. */
    pythonDistribution: external_exports.string()
  }),
  python: external_exports.object({
    version: external_exports.string(),
    /** The ABI as wheel tags name it: `cp314`, or `cp314t` for a free-threaded build (absent in older reports). */
    abi: external_exports.string().optional(),
    /** True when the GIL is disabled: a free-threaded build (absent in older reports). */
    freeThreaded: external_exports.boolean().optional(),
    /** Where it came from: the source tarball or archive name (and, for a release pyseal fetched, the place), or a directory. */
    source: external_exports.string(),
    /** sha256 of that tarball or archive, when pyseal read one. */
    sha256: external_exports.string().nullable(),
    /** Where the distribution is unpacked (its PYTHON.json), usually `{cache-dir}/python/KEY`. */
    root: external_exports.string()
  }).nullable(),
  /** The compiled packages' cache key (a hash of the distribution, project, requirements and build recipe). */
  packages: external_exports.object({ key: external_exports.string() }).nullable(),
  executable: external_exports.object({
    /** Relative to the report's directory (the output directory). */
    path: external_exports.string(),
    bytes: external_exports.number().int(),
    sha256: external_exports.string(),
    linkage: LinkageSchema,
    /** Files that must ship beside the binary, relative to its directory. */
    sideFiles: external_exports.array(external_exports.string()),
    /** What the binary and its side files need (null: not ELF; absent in older reports). */
    requires: RequiresSchema.nullable().optional()
  }).nullable(),
  summary: external_exports.object({
    builtin: external_exports.number().int(),
    standalone: external_exports.number().int(),
    excluded: external_exports.number().int(),
    failed: external_exports.number().int()
  }),
  modules: external_exports.array(ReportModuleSchema),
  /** Packages listed in package-data-location (absent in older reports). */
  packageData: external_exports.array(PackageDataEntrySchema).optional(),
  /** The stdlib choice (absent in older reports and when the build stopped before resolving modules). */
  stdlib: ReportStdlibSchema.optional()
});

// src/report/report.ts
function reportModules(plans, sideDirectory) {
  return [...plans].sort((a, b) => a.origin === b.origin ? a.module < b.module ? -1 : 1 : a.origin === "package" ? -1 : 1).map((p) => ({
    module: p.module,
    origin: p.origin,
    package: p.package,
    version: p.version,
    status: p.status,
    reasons: p.reasons,
    file: p.standaloneFile && sideDirectory && p.location !== "in-memory" ? `${sideDirectory}/${p.standaloneFile.relative}` : null,
    location: p.location,
    capture: p.capture,
    language: p.language,
    initFunction: p.linkedInitFunction,
    libraries: p.libraries
  }));
}
function summarize(modules) {
  return {
    builtin: modules.filter((m) => m.status === "builtin").length,
    standalone: modules.filter((m) => m.status === "standalone").length,
    excluded: modules.filter((m) => m.status === "excluded").length,
    failed: modules.filter((m) => m.status === "failed").length
  };
}
function verdictOf(report) {
  if (report.status !== "ok") return "failed";
  const fallback = report.modules.some((m) => m.origin === "package" && m.status !== "builtin");
  return fallback ? "fallback" : "all-builtin";
}
async function writeReport(file, report) {
  const valid = ReportSchema.parse(report);
  await writeFileAtomic(file, JSON.stringify(valid, null, 2) + "\n");
}

// src/report/assemble.ts
function pythonSection(obtained) {
  const { distribution } = obtained;
  const abi = pythonAbi(distribution.json);
  return {
    version: distribution.json.python_version,
    abi: abi.tag,
    freeThreaded: abi.freeThreaded,
    source: obtained.source,
    sha256: obtained.sha256,
    root: distribution.root
  };
}
async function executableSection(request) {
  const { staged, name, outDir, sideFiles, target } = request;
  const embedded = memoryImageFiles(request.plans).map((f) => ({ file: f.source, name: `${name}/${f.member}` }));
  const linkage = await readLinkage(staged);
  return {
    path: name,
    bytes: (await (0, import_promises36.stat)(staged)).size,
    sha256: await sha256File(staged),
    linkage,
    sideFiles,
    requires: await readRequires({ target, linkage, binary: { file: staged, name }, outDir, sideFiles, embedded })
  };
}
async function startReport(request) {
  return {
    schema: REPORT_SCHEMA,
    tool: { name: "pyseal", version: request.version },
    name: request.inputs.name,
    target: request.triple,
    status: "failed",
    verdict: "failed",
    flavor: request.flavor,
    error: null,
    entryPoint: request.inputs.entryPoint,
    inputs: await digestInputs(request.inputs),
    python: null,
    packages: null,
    executable: null,
    summary: { builtin: 0, standalone: 0, excluded: 0, failed: 0 },
    modules: []
  };
}
async function finishReport(request) {
  const { report, executable } = request;
  report.modules = reportModules(request.plans, request.policy.sideDirectory);
  if (report.status !== "ok") report.modules = report.modules.map(inNoBinary);
  report.summary = summarize(report.modules);
  report.verdict = verdictOf(report);
  const written2 = portableStrings(report, request.inputs);
  try {
    await writeReport(request.reportFile, written2);
    await writeFileAtomic(`${executable}.report.md`, renderReport(written2));
    if (report.executable) {
      await writeFileAtomic(`${executable}.sha256`, `${report.executable.sha256}  ${import_node_path61.default.basename(executable)}
`);
    }
  } catch (error) {
    for (const file of outputFiles(executable)) await (0, import_promises36.rm)(file, { force: true }).catch(() => void 0);
    throw error;
  }
  return written2;
}
function inNoBinary(module2) {
  if (module2.status !== "builtin" && module2.status !== "standalone") return module2;
  const planned = module2.status === "builtin" ? "be built in" : "ship beside the binary";
  return {
    ...module2,
    status: "failed",
    location: null,
    file: null,
    reasons: [...module2.reasons, { code: "NO_BINARY", message: `it was to ${planned}, but the build made no binary` }]
  };
}

// src/libraries/library-provider.ts
var import_node_path63 = __toESM(require("node:path"));

// src/libraries/recipe-graph.ts
var import_node_path62 = __toESM(require("node:path"));
function recipeProviding(query, recipes) {
  const matches = (recipe) => {
    if (query.kind === "library") return recipe.provides.libraries.includes(query.name);
    if (query.kind === "pkg-config") return recipe.provides.pkgConfig.includes(query.name);
    return recipe.provides.headers.some((header) => sameHeader(header, query.name));
  };
  return recipes.find(matches) ?? null;
}
function sameHeader(provided, asked) {
  const normalized = import_node_path62.default.posix.normalize(asked);
  if (provided === normalized) return true;
  const directory = (header) => header.includes("/") ? header.split("/")[0] : null;
  return directory(provided) !== null && directory(provided) === directory(normalized);
}
function recipeClosure(name, recipes) {
  const byName = new Map(recipes.map((recipe) => [recipe.name, recipe]));
  const ordered = [];
  const visit = (current, chain) => {
    if (ordered.some((recipe2) => recipe2.name === current)) return;
    if (chain.includes(current))
      throw new Error(`library recipes depend on each other: ${[...chain, current].join(" -> ")}`);
    const recipe = byName.get(current);
    if (!recipe) {
      const by = chain.length > 0 ? ` (needed by ${chain[chain.length - 1]})` : "";
      throw new Error(`no library recipe named ${current}${by}`);
    }
    for (const dependency of recipe.dependsOn) visit(dependency, [...chain, current]);
    ordered.push(recipe);
  };
  visit(name, []);
  return ordered;
}
function includeDirsOf(recipe) {
  return recipe.includeDirs ?? ["include"];
}
function describeQuery(query) {
  if (query.kind === "library") return `-l${query.name}`;
  if (query.kind === "pkg-config") return `pkg-config ${query.name}`;
  return query.name;
}

// src/libraries/recipe-types.ts
function cmakeSteps(options, targets = []) {
  return [
    {
      step: "configure",
      argv: [
        "cmake",
        "-S",
        ".",
        "-B",
        "pyseal-build",
        "-G",
        "Unix Makefiles",
        "-DCMAKE_BUILD_TYPE=Release",
        "-DCMAKE_INSTALL_PREFIX=@prefix@",
        "-DCMAKE_INSTALL_LIBDIR=lib",
        "-DCMAKE_INSTALL_INCLUDEDIR=include",
        "-DCMAKE_POSITION_INDEPENDENT_CODE=ON",
        "-DBUILD_SHARED_LIBS=OFF",
        // Dependencies built earlier into the same staged prefix.
        "-DCMAKE_PREFIX_PATH=@destdir@@prefix@",
        ...options
      ]
    },
    {
      step: "build",
      argv: ["cmake", "--build", "pyseal-build", "-j", "@jobs@", ...targets.flatMap((target) => ["--target", target])]
    },
    { step: "install", argv: ["env", "DESTDIR=@destdir@", "cmake", "--install", "pyseal-build"] }
  ];
}
var AUTOTOOLS_STATIC = [
  "--disable-shared",
  "--enable-static",
  "--with-pic",
  "--prefix=@prefix@",
  "--libdir=@prefix@/lib"
];
function pkgConfigFile(name, description, libs, cflags = "-I${includedir}") {
  return [
    "prefix=@prefix@",
    "libdir=${prefix}/lib",
    "includedir=${prefix}/include",
    "",
    `Name: ${name}`,
    `Description: ${description}`,
    "Version: @version@",
    `Libs: -L\${libdir} ${libs}`,
    `Cflags: ${cflags}`,
    ""
  ].join("\n");
}

// src/libraries/image-recipes.ts
var STAGED_DEPENDENCIES = ["CPPFLAGS=-I@destdir@@prefix@/include", "LDFLAGS=-L@destdir@@prefix@/lib"];
var IMAGE_LIBRARY_RECIPES = [
  {
    name: "libjpeg-turbo",
    sourcePackage: "libjpeg-turbo",
    usedBy: "Pillow (JPEG), libtiff",
    dependsOn: [],
    provides: { headers: ["jpeglib.h", "jconfig.h", "jerror.h"], libraries: ["jpeg"], pkgConfig: ["libjpeg"] },
    // Without nasm the SIMD code is left out (slower, still correct); TurboJPEG's API is unused.
    // Its CMakeLists takes a relative include directory as one in the source tree: absolute ones.
    steps: cmakeSteps([
      "-DENABLE_SHARED=OFF",
      "-DENABLE_STATIC=ON",
      "-DWITH_TURBOJPEG=OFF",
      "-DWITH_JAVA=OFF",
      "-DCMAKE_INSTALL_INCLUDEDIR=@prefix@/include",
      "-DCMAKE_INSTALL_LIBDIR=@prefix@/lib"
    ]),
    produces: ["lib/libjpeg.a", "include/jpeglib.h", "include/jconfig.h", "lib/pkgconfig/libjpeg.pc"],
    archives: ["lib/libjpeg.a"]
  },
  {
    name: "libpng",
    sourcePackage: "libpng1.6",
    usedBy: "Pillow (PNG through zlib is its own; libpng for freetype and others)",
    dependsOn: ["zlib"],
    provides: { headers: ["png.h", "pngconf.h"], libraries: ["png", "png16"], pkgConfig: ["libpng", "libpng16"] },
    steps: [
      { step: "configure", argv: ["./configure", ...AUTOTOOLS_STATIC, ...STAGED_DEPENDENCIES] },
      { step: "build", argv: ["make", "-j@jobs@", "libpng16.la"] },
      {
        step: "install",
        argv: [
          "make",
          "install-libLTLIBRARIES",
          "install-pkgincludeHEADERS",
          "install-nodist_pkgincludeHEADERS",
          "install-pkgconfigDATA",
          "DESTDIR=@destdir@"
        ]
      },
      // The unversioned names, as copies: its install rules would make symbolic links.
      {
        step: "install",
        argv: [
          "sh",
          "-ec",
          'cd "@destdir@@prefix@"; cp include/libpng16/*.h include/; cp lib/libpng16.a lib/libpng.a; cp lib/pkgconfig/libpng16.pc lib/pkgconfig/libpng.pc'
        ]
      }
    ],
    produces: ["lib/libpng16.a", "lib/libpng.a", "include/png.h", "lib/pkgconfig/libpng.pc"],
    archives: ["lib/libpng16.a", "lib/libpng.a"]
  },
  {
    name: "libtiff",
    sourcePackage: "tiff",
    usedBy: "Pillow (TIFF)",
    dependsOn: ["zlib", "libjpeg-turbo"],
    provides: { headers: ["tiffio.h", "tiff.h", "tiffconf.h"], libraries: ["tiff"], pkgConfig: ["libtiff-4"] },
    steps: cmakeSteps(
      [
        "-Dtiff-tools=OFF",
        "-Dtiff-tests=OFF",
        "-Dtiff-contrib=OFF",
        "-Dtiff-docs=OFF",
        "-Dcxx=OFF",
        "-Djpeg=ON",
        "-Dzlib=ON",
        "-Djbig=OFF",
        "-Dlerc=OFF",
        "-Dlzma=OFF",
        "-Dzstd=OFF",
        "-Dwebp=OFF",
        "-Dlibdeflate=OFF",
        "-Dtiff-opengl=OFF"
      ],
      ["tiff"]
    ),
    produces: ["lib/libtiff.a", "include/tiffio.h", "lib/pkgconfig/libtiff-4.pc"],
    archives: ["lib/libtiff.a"]
  },
  {
    name: "libwebp",
    sourcePackage: "libwebp",
    usedBy: "Pillow (WebP, animated WebP through mux and demux)",
    dependsOn: [],
    provides: {
      headers: ["webp/decode.h", "webp/encode.h", "webp/mux.h", "webp/demux.h"],
      libraries: ["webp", "webpmux", "webpdemux"],
      pkgConfig: ["libwebp", "libwebpmux", "libwebpdemux"]
    },
    steps: [
      {
        step: "configure",
        argv: [
          "./configure",
          ...AUTOTOOLS_STATIC,
          "--enable-libwebpmux",
          "--enable-libwebpdemux",
          "--disable-libwebpdecoder",
          "--disable-gl",
          "--disable-sdl",
          "--disable-png",
          "--disable-jpeg",
          "--disable-tiff",
          "--disable-gif",
          "--disable-wic"
        ]
      },
      // sharpyuv/ (a convenience library libwebp takes in) and src/ hold the libraries only;
      // examples/ (cwebp, dwebp, ...) is left alone.
      { step: "build", argv: ["make", "-C", "sharpyuv", "-j@jobs@"] },
      { step: "build", argv: ["make", "-C", "src", "-j@jobs@"] },
      { step: "install", argv: ["make", "-C", "sharpyuv", "install", "DESTDIR=@destdir@"] },
      { step: "install", argv: ["make", "-C", "src", "install", "DESTDIR=@destdir@"] }
    ],
    produces: [
      "lib/libwebp.a",
      "lib/libwebpmux.a",
      "lib/libwebpdemux.a",
      "include/webp/decode.h",
      "include/webp/mux.h",
      "lib/pkgconfig/libwebp.pc"
    ],
    archives: ["lib/libwebp.a", "lib/libwebpmux.a", "lib/libwebpdemux.a"]
  },
  {
    name: "lcms2",
    sourcePackage: "lcms2",
    usedBy: "Pillow (ImageCms: colour management)",
    dependsOn: [],
    provides: { headers: ["lcms2.h", "lcms2_plugin.h"], libraries: ["lcms2"], pkgConfig: ["lcms2"] },
    steps: [
      // JPEG, TIFF and zlib are for its utilities (jpgicc, tificc), which are not built.
      {
        step: "configure",
        argv: ["./configure", ...AUTOTOOLS_STATIC, "--without-jpeg", "--without-tiff", "--without-zlib"]
      },
      { step: "build", argv: ["make", "-C", "src", "-j@jobs@"] },
      { step: "install", argv: ["make", "-C", "src", "install", "DESTDIR=@destdir@"] },
      { step: "install", argv: ["make", "-C", "include", "install", "DESTDIR=@destdir@"] },
      { step: "install", argv: ["make", "install-pkgconfigDATA", "DESTDIR=@destdir@"] }
    ],
    produces: ["lib/liblcms2.a", "include/lcms2.h", "lib/pkgconfig/lcms2.pc"],
    archives: ["lib/liblcms2.a"]
  },
  {
    name: "freetype",
    sourcePackage: "freetype",
    usedBy: "Pillow (ImageFont)",
    dependsOn: ["zlib"],
    includeDirs: ["include/freetype2"],
    provides: { headers: ["ft2build.h", "freetype/freetype.h"], libraries: ["freetype"], pkgConfig: ["freetype2"] },
    steps: [
      {
        step: "configure",
        // PNG glyphs, bzip2-compressed fonts and HarfBuzz would each pull in another library.
        // zlib is the one already in every binary: without it FreeType compiles in its own
        // copy, whose global inflate and crc32 symbols clash with zlib's at the final link.
        argv: [
          "./configure",
          ...AUTOTOOLS_STATIC,
          "--with-zlib=yes",
          "--without-bzip2",
          "--without-png",
          "--without-harfbuzz",
          "--without-brotli"
        ]
      },
      { step: "build", argv: ["make", "-j@jobs@"] },
      { step: "install", argv: ["make", "install", "DESTDIR=@destdir@"] }
    ],
    produces: ["lib/libfreetype.a", "include/freetype2/ft2build.h", "lib/pkgconfig/freetype2.pc"],
    archives: ["lib/libfreetype.a"]
  }
];

// src/libraries/recipes.ts
var MARKUP_AND_DATA = [
  {
    name: "libyaml",
    sourcePackage: "libyaml",
    usedBy: "PyYAML (yaml._yaml, yaml.CLoader)",
    dependsOn: [],
    provides: { headers: ["yaml.h"], libraries: ["yaml"], pkgConfig: ["yaml-0.1"] },
    steps: [
      // Debian's tarball is the release tag without a configure script: eight C files,
      // compiled with the version its CMakeLists.txt would define.
      {
        step: "build",
        argv: [
          "sh",
          "-ec",
          'v=@version@; major=${v%%.*}; rest=${v#*.}; minor=${rest%%.*}; patch=${rest#*.}\nfor f in src/*.c; do\n  $CC $CFLAGS -Iinclude -DYAML_VERSION_MAJOR=$major -DYAML_VERSION_MINOR=$minor -DYAML_VERSION_PATCH=$patch "-DYAML_VERSION_STRING=\\"$v\\"" -c "$f" -o "${f%.c}.o"\ndone\n$AR rcs libyaml.a src/*.o'
        ]
      },
      { step: "install", argv: ["install", "-D", "-m", "644", "include/yaml.h", "@destdir@@prefix@/include/yaml.h"] },
      { step: "install", argv: ["install", "-D", "-m", "644", "libyaml.a", "@destdir@@prefix@/lib/libyaml.a"] }
    ],
    generatedFiles: [
      { path: "lib/pkgconfig/yaml-0.1.pc", content: pkgConfigFile("LibYAML", "A YAML parser and emitter", "-lyaml") }
    ],
    produces: ["lib/libyaml.a", "include/yaml.h", "lib/pkgconfig/yaml-0.1.pc"],
    archives: ["lib/libyaml.a"]
  },
  {
    name: "libxml2",
    sourcePackage: "libxml2",
    usedBy: "lxml (lxml.etree, lxml.objectify, ...)",
    dependsOn: [],
    includeDirs: ["include/libxml2"],
    provides: {
      headers: ["libxml/parser.h", "libxml/xmlversion.h", "libxml/tree.h", "libxml/xpath.h"],
      libraries: ["xml2"],
      pkgConfig: ["libxml-2.0"]
    },
    steps: [
      {
        step: "configure",
        argv: [
          "./configure",
          ...AUTOTOOLS_STATIC,
          // iconv comes from the C library (glibc and musl both have it); compression,
          // ICU and the network fetchers would pull in more libraries or are unused.
          "--without-python",
          "--without-zlib",
          "--without-lzma",
          "--without-icu",
          "--without-http",
          "--without-ftp",
          "--without-readline",
          "--without-history",
          "--without-modules"
        ]
      },
      { step: "build", argv: ["make", "-j@jobs@", "libxml2.la"] },
      { step: "install", argv: ["make", "install-libLTLIBRARIES", "install-pkgconfigDATA", "DESTDIR=@destdir@"] },
      { step: "install", argv: ["make", "-C", "include", "install", "DESTDIR=@destdir@"] }
    ],
    produces: ["lib/libxml2.a", "include/libxml2/libxml/parser.h", "lib/pkgconfig/libxml-2.0.pc"],
    archives: ["lib/libxml2.a"]
  },
  {
    name: "libxslt",
    sourcePackage: "libxslt",
    usedBy: "lxml (lxml.etree: XSLT, EXSLT)",
    dependsOn: ["libxml2"],
    provides: {
      headers: ["libxslt/xslt.h", "libxslt/xsltconfig.h", "libxslt/transform.h", "libexslt/exslt.h"],
      libraries: ["xslt", "exslt"],
      pkgConfig: ["libxslt", "libexslt"]
    },
    steps: [
      {
        step: "configure",
        // libxml2 is found through pkg-config in the staged prefix.
        argv: ["./configure", ...AUTOTOOLS_STATIC, "--without-python", "--without-crypto", "--without-plugins"]
      },
      { step: "build", argv: ["make", "-C", "libxslt", "-j@jobs@"] },
      { step: "build", argv: ["make", "-C", "libexslt", "-j@jobs@"] },
      { step: "install", argv: ["make", "-C", "libxslt", "install", "DESTDIR=@destdir@"] },
      { step: "install", argv: ["make", "-C", "libexslt", "install", "DESTDIR=@destdir@"] },
      { step: "install", argv: ["make", "install-pkgconfigDATA", "DESTDIR=@destdir@"] }
    ],
    produces: [
      "lib/libxslt.a",
      "lib/libexslt.a",
      "include/libxslt/xslt.h",
      "include/libexslt/exslt.h",
      "lib/pkgconfig/libxslt.pc",
      "lib/pkgconfig/libexslt.pc"
    ],
    archives: ["lib/libxslt.a", "lib/libexslt.a"]
  },
  {
    name: "liblz4",
    sourcePackage: "lz4",
    usedBy: "lz4 (lz4.frame, lz4.block)",
    dependsOn: [],
    provides: { headers: ["lz4.h", "lz4frame.h", "lz4hc.h"], libraries: ["lz4"], pkgConfig: ["liblz4"] },
    steps: [
      // lib/Makefile reads CC and CFLAGS from the environment; the shared library is not built.
      {
        step: "build",
        argv: ["make", "-C", "lib", "-j@jobs@", "liblz4.a", "liblz4.pc", "BUILD_SHARED=no", "PREFIX=@prefix@"]
      },
      {
        step: "install",
        argv: [
          "make",
          "-C",
          "lib",
          "install",
          "BUILD_SHARED=no",
          "PREFIX=@prefix@",
          "LIBDIR=@prefix@/lib",
          "DESTDIR=@destdir@"
        ]
      }
    ],
    produces: ["lib/liblz4.a", "include/lz4.h", "include/lz4frame.h", "lib/pkgconfig/liblz4.pc"],
    archives: ["lib/liblz4.a"]
  },
  {
    name: "libuv",
    sourcePackage: "libuv1",
    usedBy: "uvloop with --use-system-libuv, pyuv",
    dependsOn: [],
    provides: { headers: ["uv.h"], libraries: ["uv"], pkgConfig: ["libuv", "libuv-static"] },
    steps: [
      ...cmakeSteps(["-DLIBUV_BUILD_TESTS=OFF", "-DLIBUV_BUILD_BENCH=OFF"]),
      // CMake names the static library libuv_a.a (and builds a shared one beside it): `-luv` must find the archive.
      {
        step: "install",
        argv: [
          "sh",
          "-ec",
          'cd "@destdir@@prefix@/lib"; mv libuv_a.a libuv.a; rm -f libuv.so*; sed -i s/-luv_a/-luv/ pkgconfig/libuv-static.pc'
        ]
      }
    ],
    produces: ["lib/libuv.a", "include/uv.h", "lib/pkgconfig/libuv-static.pc"],
    archives: ["lib/libuv.a"]
  }
];
var CPYTHON_SET_PROVIDES = {
  zlib: { headers: ["zlib.h", "zconf.h"], libraries: ["z"], pkgConfig: ["zlib"] },
  bzip2: { headers: ["bzlib.h"], libraries: ["bz2"], pkgConfig: ["bzip2"] },
  liblzma: { headers: ["lzma.h"], libraries: ["lzma"], pkgConfig: ["liblzma"] },
  libffi: { headers: ["ffi.h"], libraries: ["ffi"], pkgConfig: ["libffi"] },
  sqlite3: { headers: ["sqlite3.h"], libraries: ["sqlite3"], pkgConfig: ["sqlite3"] },
  libuuid: { headers: ["uuid/uuid.h"], libraries: ["uuid"], pkgConfig: ["uuid"] },
  openssl: {
    headers: ["openssl/ssl.h", "openssl/crypto.h", "openssl/evp.h", "openssl/opensslv.h"],
    libraries: ["ssl", "crypto"],
    pkgConfig: ["openssl", "libssl", "libcrypto"]
  },
  libzstd: { headers: ["zstd.h", "zdict.h", "zstd_errors.h"], libraries: ["zstd"], pkgConfig: ["libzstd"] }
};
var CPYTHON_SET = [...STATIC_LIBRARY_RECIPES, LIBZSTD_RECIPE].map((recipe) => ({
  ...recipe,
  dependsOn: [],
  provides: CPYTHON_SET_PROVIDES[recipe.name] ?? { headers: [], libraries: [], pkgConfig: [] }
}));
var EXTENSION_LIBRARY_RECIPES = [
  ...CPYTHON_SET,
  ...MARKUP_AND_DATA,
  ...IMAGE_LIBRARY_RECIPES
];

// src/libraries/library-provider.ts
function libraryProvider(target, cacheRoot, log, recipes = EXTENSION_LIBRARY_RECIPES) {
  if (!buildsOwnStaticLibraries(target)) return null;
  const floor = target.glibcFloor;
  const built = /* @__PURE__ */ new Map();
  const build = (recipe, query) => {
    let prefix = built.get(recipe);
    if (!prefix) {
      log(
        `  libraries: ${describeQuery(query)} is ${recipe}'s: building it for ${target.triple} (or taking it from the cache)`
      );
      prefix = buildClosure(recipe, { target, cacheRoot, log, recipes });
      prefix.catch((error) => log(`  libraries: building ${recipe} failed: ${firstLine2(error)}`));
      built.set(recipe, prefix);
    }
    return prefix;
  };
  return {
    identity: sha256Text(JSON.stringify({ triple: target.triple, floor, recipes })).slice(0, 20),
    ensure: async (query) => {
      const recipe = recipeProviding(query, recipes);
      return recipe ? build(recipe.name, query) : null;
    }
  };
}
function firstLine2(error) {
  const fail = error;
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0];
  return fail.logFile ? `${message} (log: ${fail.logFile})` : message;
}
async function buildClosure(name, context) {
  const { target, cacheRoot, log } = context;
  const closure = recipeClosure(name, context.recipes).map((recipe) => recipeForTarget(recipe, target));
  const compiler = await staticDepsCompilerChoice(target, cacheRoot);
  if (!compiler) throw new Error(`${target.triple}: pyseal does not build its static libraries`);
  const deps = await buildStaticDeps({ ...compiler, cacheRoot, log, recipes: closure });
  const includeDirs = [...new Set(closure.flatMap((recipe) => includeDirsOf(recipe)))];
  return {
    recipe: name,
    prefix: deps.prefix,
    // The asked recipe's own directories first (libxml2's include/libxml2 before include).
    includeDirs: includeDirs.reverse().map((dir) => import_node_path63.default.join(deps.prefix, dir)),
    libDir: import_node_path63.default.join(deps.prefix, "lib"),
    pkgConfigDir: import_node_path63.default.join(deps.prefix, "lib", "pkgconfig"),
    libraries: Object.fromEntries(
      Object.entries(deps.libraries).map(([library, info]) => [
        library,
        { version: info.version, archives: info.archives }
      ])
    )
  };
}

// src/resolve/stdlib-imports.ts
var import_node_fs36 = require("node:fs");
var import_node_path64 = __toESM(require("node:path"));
var AnalysisSchema = external_exports.object({
  top_level: external_exports.array(external_exports.string()),
  modules: external_exports.array(external_exports.string()),
  missing: external_exports.array(external_exports.string())
});
async function findStdlibImports(request) {
  const stdout = await runPysealPython(request.buildDistribution, [
    "-m",
    "pyseal_pack.imports",
    "--site",
    request.siteDir,
    ...request.roots.flatMap((module2) => ["--module", module2])
  ]);
  const analysis = AnalysisSchema.parse(JSON.parse(stdout));
  const include = request.roots.map((module2) => module2.split(".")[0]);
  const topLevel = [.../* @__PURE__ */ new Set([...analysis.top_level, ...include, ...include.map((name) => `${name}.py`)])].sort();
  return { modules: /* @__PURE__ */ new Set([...analysis.modules, ...request.roots]), topLevel };
}
async function stdlibImportsFor(inputs, buildDistribution, siteDir, log) {
  if (inputs.stdlib !== "imported") return null;
  const extracts = inputs.packageDataLocations.some((l) => l.location.kind === "user-cache");
  const imports = await findStdlibImports({
    buildDistribution,
    siteDir,
    roots: [
      ...inputs.entryPoint ? [inputs.entryPoint.split(":")[0]] : [],
      ...inputs.stdlibInclude,
      // the launcher checks what it extracts to the user's cache with hashlib's sha256
      ...extracts ? ["hashlib"] : []
    ]
  });
  log(`  --stdlib imported: ${imports.modules.size} stdlib modules found imported`);
  return imports;
}
var NOT_MODULES = /^(?:site-packages|lib-dynload|__pycache__|config-.*|_sysconfigdata_.*|__phello__|EXTERNALLY-MANAGED|.*\.(?:txt|exe|pem|cfg))$/;
function stdlibLeftOut(distribution, imports, plans, stdlibExclude) {
  const stdlibDir = import_node_path64.default.join(distribution.root, distribution.json.python_paths.stdlib);
  const notImportedExtensions = plans.filter((p) => p.origin === "stdlib" && p.reasons.some((r) => r.code === "STDLIB_NOT_IMPORTED")).map((p) => p.module);
  const kept = new Set(imports.topLevel.map((name) => name.replace(/\.py$/, "")));
  const excluded2 = new Set(stdlibExclude.map((name) => name.split(".")[0]));
  const names = new Set(notImportedExtensions.map((name) => name.split(".")[0]));
  for (const entry of (0, import_node_fs36.readdirSync)(stdlibDir, { withFileTypes: true })) {
    if (NOT_MODULES.test(entry.name)) continue;
    if (entry.isDirectory() && /^[A-Za-z_]\w*$/.test(entry.name)) names.add(entry.name);
    else if (entry.isFile() && /^[A-Za-z_]\w*\.py$/.test(entry.name)) names.add(entry.name.slice(0, -3));
  }
  return [...names].filter((name) => !kept.has(name) && !excluded2.has(name) && !imports.modules.has(name)).sort();
}
function stdlibSection(inputs, distribution, imports, plans) {
  const leftOut = imports ? stdlibLeftOut(distribution, imports, plans, inputs.stdlibExclude) : [];
  return { choice: inputs.stdlib, leftOut };
}

// src/libraries/built-libraries.ts
var import_node_path65 = __toESM(require("node:path"));
async function ensureRecordLibraries(records, provider, target, searchDirs, log = () => void 0) {
  const built = { searchDirs: [], archives: /* @__PURE__ */ new Map(), failed: /* @__PURE__ */ new Map() };
  const names = new Set(records.flatMap((record) => record.libraries));
  for (const name of [...names].sort()) {
    if (resolveLibrary(name, target.toolchain, searchDirs).kind !== "missing") continue;
    try {
      const prefix = await provider.ensure({ kind: "library", name });
      if (!prefix) continue;
      if (!built.searchDirs.includes(prefix.libDir)) built.searchDirs.push(prefix.libDir);
      for (const [recipe, info] of Object.entries(prefix.libraries)) {
        for (const archive of info.archives) built.archives.set(archive, { recipe, version: info.version });
      }
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
      log(`  libraries: building the recipe for -l${name} failed: ${message}`);
      built.failed.set(name, message);
    }
  }
  return built;
}
function staticLibraryReason(library, archive, built) {
  const from = built?.archives.get(archive);
  if (from) {
    return {
      code: "LIBRARY_BUILT_FROM_SOURCE",
      message: `lib${library} is ${from.recipe} ${from.version}, built from source by pyseal for the target (${import_node_path65.default.basename(archive)})`
    };
  }
  return { code: "LIBRARY_LINKED_STATIC", message: `lib${library} linked from ${archive}` };
}
function missingLibraryReason(library, triple, built) {
  const message = `needs lib${library}, which has no static archive for ${triple}`;
  if (!built)
    return {
      code: "LIBRARY_MISSING",
      message,
      hint: `install its static library (lib${library}.a) or build it for the target`
    };
  const failure = built.failed.get(library);
  if (failure) {
    return {
      code: "LIBRARY_MISSING",
      message: `${message}: its recipe failed to build (${failure})`,
      hint: "see the build log the error names"
    };
  }
  const recipe = recipeProviding({ kind: "library", name: library }, EXTENSION_LIBRARY_RECIPES);
  return {
    code: "LIBRARY_MISSING",
    message: recipe ? message : `${message}, and pyseal has no recipe that builds lib${library} (src/libraries/recipes.ts)`,
    hint: `build lib${library}.a for ${triple} and give it with --link-extra, or add a recipe for it`
  };
}

// src/resolve/link-check.ts
var import_promises38 = require("node:fs/promises");
var import_node_path68 = __toESM(require("node:path"));

// src/link/symbol-table.ts
var FILES_PER_RUN2 = 200;
async function readSymbolTable(nm, files) {
  const table = { defined: /* @__PURE__ */ new Set(), undefined: /* @__PURE__ */ new Set() };
  for (let start = 0; start < files.length; start += FILES_PER_RUN2) {
    const batch = files.slice(start, start + FILES_PER_RUN2);
    const { stdout } = await runChecked({ command: nm, args: ["-g", "-P", ...batch] });
    addSymbols(table, stdout);
  }
  return table;
}
function addSymbols(table, nmOutput) {
  for (const line of nmOutput.split("\n")) {
    const [name, type] = line.split(" ");
    if (!name || !type || type.length !== 1 || name.endsWith(":")) continue;
    if (type === "U") table.undefined.add(name);
    else if (type !== "w" && type !== "v") table.defined.add(name);
  }
  for (const name of table.defined) table.undefined.delete(name);
}

// src/link/trial-link.ts
var import_promises37 = require("node:fs/promises");
var import_node_path66 = __toESM(require("node:path"));
async function trialLink(request) {
  const base = import_node_path66.default.join(request.workDir, `${request.name}.trial`);
  const stub = `${base}.stub.o`;
  await (0, import_promises37.writeFile)(`${base}.stub.s`, stubAssembly([...request.stubbed, "main"]));
  await runChecked({ command: request.cc, args: ["-c", `${base}.stub.s`, "-o", stub] });
  const args = ["-o", base, request.object, stub];
  if (request.archives.length > 0) args.push("-Wl,--start-group", ...request.archives, "-Wl,--end-group");
  args.push(...request.libraries.map((name) => `-l${name}`), ...request.flags);
  const result = await runCommand({ command: request.driver, args });
  await (0, import_promises37.rm)(base, { force: true });
  const output = `${result.stderr}
${result.stdout}`;
  return {
    ok: result.code === 0,
    undefined: result.code === 0 ? [] : undefinedSymbols(output),
    errors: result.code === 0 ? [] : errorLines(output)
  };
}
function stubAssembly(names) {
  const lines = ["	.data"];
  for (const name of [...new Set(names)].sort()) {
    const symbol = /^[A-Za-z_.$][A-Za-z0-9_.$]*$/.test(name) ? name : JSON.stringify(name);
    lines.push(`	.globl	${symbol}`, `${symbol}:`, "	.byte	0");
  }
  return lines.join("\n") + "\n";
}
function undefinedSymbols(output) {
  const found = /* @__PURE__ */ new Set();
  for (const match of output.matchAll(/undefined reference to [`']([^'`]+)'|undefined symbol: (.+)$/gm)) {
    const name = (match[1] ?? match[2]).trim();
    if (name !== "main") found.add(name);
  }
  return [...found];
}
function errorLines(output) {
  return output.split("\n").map((line) => line.trim()).filter((line) => /error|undefined|not defined|isn't defined/i.test(line)).slice(0, 5);
}

// src/resolve/module-plan.ts
var import_node_path67 = __toESM(require("node:path"));

// src/resolve/policy.ts
function extensionPolicy(inputs, target) {
  const flavor = target.capabilities.staticOnly ? "static" : inputs.flavor ?? "dynamic";
  const fileLocation = inputs.extensionLocations.find((l) => l.kind === "filesystem-relative");
  return {
    flavor,
    locations: inputs.extensionLocations,
    allowInMemory: inputs.allowInMemorySharedLibraryLoading,
    excludePackages: inputs.excludePackages,
    standalonePackages: inputs.standalonePackages,
    sideDirectory: fileLocation?.kind === "filesystem-relative" ? fileLocation.dir : null
  };
}
function placeSharedLibrary(policy, target, file) {
  if (target.capabilities.staticOnly) {
    return {
      location: null,
      reasons: [{ code: "MUSL_BUILTIN_ONLY", message: `${target.triple} binaries are static and cannot load ${file}` }]
    };
  }
  if (policy.flavor === "static") {
    return {
      location: null,
      reasons: [
        {
          code: "STATIC_FLAVOR_BUILTIN_ONLY",
          message: `the static flavor ships built-ins only, so ${file} is left out`,
          hint: "use --flavor dynamic to keep it as a shared library, loaded from memory or beside the binary"
        }
      ]
    };
  }
  const reasons = [];
  for (const location of policy.locations) {
    if (location.kind === "in-memory") {
      const inMemory = target.capabilities.inMemorySharedLibraries;
      if (inMemory === "none") {
        reasons.push({
          code: "IN_MEMORY_SHARED_LIBRARY_UNSUPPORTED",
          message: `${target.triple} binaries cannot load a shared library from memory`
        });
        continue;
      }
      if (inMemory === "own-loader" && !policy.allowInMemory) {
        reasons.push({
          code: "IN_MEMORY_SHARED_LIBRARY_DISALLOWED",
          message: "in-memory loading was not allowed",
          hint: "pass --allow-in-memory-shared-library-loading to allow it"
        });
        continue;
      }
      reasons.push(loadedFromMemory(file, inMemory));
      return { location, reasons };
    }
    if (target.capabilities.canLoadSharedLibraries) return { location, reasons };
  }
  reasons.push({
    code: "SHARED_LIBRARY_NOT_LOADABLE",
    message: `no extension location works for ${file} on ${target.triple}`,
    hint: "add filesystem-relative:lib to --extension-location"
  });
  return { location: null, reasons };
}
function loadedFromMemory(file, loader) {
  if (loader === "own-loader") {
    return {
      code: "LOADED_FROM_MEMORY",
      message: `${file} is embedded in the executable and loaded from memory on import`
    };
  }
  return {
    code: "LOADED_FROM_MEMORY",
    message: `${file} is embedded in the executable and loaded from memory on import (a memfd the system's loader maps through /proc/self/fd): no file beside the binary, none written to disk`,
    hint: "needs Linux 3.17 or later and /proc mounted where it runs; --extension-location filesystem-relative:lib ships it beside the binary instead"
  };
}
function locationName(location) {
  return location.kind === "in-memory" ? "in-memory" : `filesystem-relative:${location.dir}`;
}

// src/resolve/module-plan.ts
function emptyPlan(module2, origin, pkg) {
  return {
    module: module2,
    origin,
    package: pkg,
    version: null,
    status: "builtin",
    reasons: [],
    objects: [],
    archives: [],
    localized: null,
    standaloneFile: null,
    memoryImage: null,
    location: "builtin",
    initFunction: null,
    linkedInitFunction: null,
    libraries: [],
    language: "c",
    capture: null
  };
}
function standaloneOrExcluded(plan, policy, target, source, relative) {
  const placement = placeSharedLibrary(policy, target, import_node_path67.default.basename(source));
  if (!placement.location) {
    return { ...plan, status: "excluded", location: null, reasons: [...plan.reasons, ...placement.reasons] };
  }
  return {
    ...plan,
    status: "standalone",
    location: locationName(placement.location),
    standaloneFile: { source, relative },
    reasons: [...plan.reasons, ...placement.reasons]
  };
}
function excluded(plan, reason) {
  return { ...plan, status: "excluded", location: null, objects: [], archives: [], reasons: [...plan.reasons, reason] };
}

// src/resolve/rust-hints.ts
var import_node_fs37 = require("node:fs");
function isRustSharedLibrary(file) {
  try {
    return (0, import_node_fs37.readFileSync)(file).includes("RUST_BACKTRACE");
  } catch {
    return false;
  }
}
function rustNoObjectFilesHint(module2) {
  return `cargo linked the crate without pyseal's compiler wrapper (a build that names its own linker: \`-C linker\`, CARGO_TARGET_<TRIPLE>_LINKER, a .cargo/config.toml): leave the linker to pyseal when maturin or setuptools-rust runs cargo, or declare ${module2}'s objects with --link-extra ${module2}=OBJECTS`;
}
function rustLinkFailedHint(module2, undefinedCount) {
  const them = undefinedCount === 1 ? "it" : "them";
  return undefinedCount > 0 ? `a crate of ${module2} links a library cargo found (a build script's cargo:rustc-link-lib) that has no static archive here: give one that defines ${them} with --link-extra LIB.a, or point the crate's build script at a static build of the library (its *_DIR or *_STATIC variables, or pkg-config)` : `check the crate's link in the build log (cargo run by maturin or setuptools-rust), or keep ${module2} a shared library with --extension-location filesystem-relative:lib`;
}

// src/resolve/link-check.ts
async function checkCapturedLinks(request) {
  const toolchain = request.target.toolchain;
  if (!toolchain.objcopy) return request.plans;
  const dir = import_node_path68.default.join(request.workDir, "extensions");
  await (0, import_promises38.mkdir)(dir, { recursive: true });
  let provided = null;
  const finalLinkSymbols = () => provided ??= symbolsFromElsewhere(request);
  const checked2 = [];
  for (const plan of request.plans) {
    const captured = plan.origin === "package" && plan.status === "builtin" && plan.capture !== "link-extra";
    const failure = captured ? await linkFailure(plan, request, dir, finalLinkSymbols) : null;
    checked2.push(failure ? fallBack(plan, failure, request) : plan);
  }
  return checked2;
}
async function linkFailure(plan, request, dir, finalLinkSymbols) {
  const toolchain = request.target.toolchain;
  try {
    plan.localized = await localizeExtension(plan, dir, toolchain);
  } catch (error) {
    if (!(error instanceof CommandFailedError)) throw error;
    return linkFailed(plan, { ok: false, undefined: [], errors: [lastLines(error.result.stderr, 3)] });
  }
  const archives = plan.libraries.flatMap((l) => l.kind === "static" ? [l.path] : []);
  const systemLibraries = [
    .../* @__PURE__ */ new Set([
      ...plan.libraries.flatMap((l) => l.kind === "system" ? [l.name] : []),
      ...request.distribution.json.build_info.core.links.map((l) => l.name)
    ])
  ];
  const cxx = plan.language === "c++" && request.cxx;
  const trial = (stubbed) => trialLink({
    name: plan.module,
    object: plan.localized,
    archives,
    libraries: systemLibraries,
    stubbed,
    driver: cxx ? request.cxx : toolchain.cc,
    flags: [...cxx ? toolchain.cxxLinkFlags : [], ...toolchain.linkFlags],
    cc: toolchain.cc,
    workDir: dir
  });
  const table = await readSymbolTable(toolchain.nm, [plan.localized, ...archives]);
  const needed = [...table.undefined];
  const capi = needed.filter(isPythonApi);
  let result = await trial(capi);
  if (result.ok) return null;
  const elsewhere = await finalLinkSymbols();
  const fromElsewhere = needed.filter((name) => isPythonApi(name) || elsewhere.has(name));
  if (fromElsewhere.length > capi.length) result = await trial(fromElsewhere);
  return result.ok ? null : linkFailed(plan, result);
}
function isPythonApi(name) {
  return name.startsWith("Py") || name.startsWith("_Py");
}
async function symbolsFromElsewhere(request) {
  const { distribution } = request;
  const files = distribution.json.build_info.core.objs.map((o) => import_node_path68.default.join(distribution.root, o));
  for (const plan of request.plans) {
    if (plan.origin !== "stdlib" || plan.status !== "builtin") continue;
    files.push(...plan.objects, ...plan.libraries.flatMap((l) => l.kind === "static" ? [l.path] : []));
  }
  files.push(...request.linkExtra.flatMap((l) => l.kind === "objects" ? l.paths : []));
  return (await readSymbolTable(request.target.toolchain.nm, [...new Set(files)])).defined;
}
function linkFailed(plan, result) {
  const shown = result.undefined.slice(0, 8);
  const more = result.undefined.length > shown.length ? ` and ${result.undefined.length - shown.length} more` : "";
  const message = shown.length > 0 ? `its captured objects leave ${shown.join(", ")}${more} undefined: not the Python C API, the C library or a library it declares` : `its captured objects do not link: ${result.errors.join(" ") || "the linker gave no reason"}`;
  return {
    code: "LINK_FAILED",
    message,
    hint: plan.language === "rust" ? rustLinkFailedHint(plan.module, result.undefined.length) : shown.length > 0 ? `give a static library that defines ${shown.length === 1 ? "it" : "them"} with --link-extra LIB.a, or build ${plan.module} in from objects of your own with --link-extra ${plan.module}=OBJECTS` : `build ${plan.module} in from objects of your own with --link-extra ${plan.module}=OBJECTS`
  };
}
function fallBack(plan, failure, request) {
  const notBuiltIn = {
    ...plan,
    objects: [],
    archives: [],
    localized: null,
    reasons: [
      ...plan.reasons.filter(
        (r) => ![
          "BUILTIN",
          "SYMBOLS_LOCALIZED",
          "INIT_FUNCTION_RENAMED",
          "LIBRARY_LINKED_STATIC",
          "LIBRARY_BUILT_FROM_SOURCE"
        ].includes(r.code)
      ),
      failure
    ]
  };
  const file = request.installed.find((i) => i.module === plan.module);
  if (!file) return { ...notBuiltIn, status: "excluded", location: null };
  return standaloneOrExcluded(
    notBuiltIn,
    request.policy,
    request.target,
    import_node_path68.default.join(request.siteDir, file.file),
    file.file
  );
}

// src/resolve/plan-packages.ts
var import_node_path69 = __toESM(require("node:path"));
function planPackages(request) {
  const { target, policy } = request;
  const records = new Map(request.records.map((r) => [r.module, r]));
  const declared = new Set(request.linkExtra.flatMap((l) => l.kind === "module" ? [l.module] : []));
  const plans = [];
  for (const file of request.installed) {
    if (declared.has(file.module)) continue;
    const record = records.get(file.module);
    const plan = emptyPlan(
      file.module,
      "package",
      record?.package ?? file.distribution ?? packageOf(request.intents, file.module)
    );
    plan.capture = record?.capture ?? null;
    plan.version = file.version ?? null;
    const name = plan.package ? normalizeName(plan.package) : null;
    const source = import_node_path69.default.join(request.siteDir, file.file);
    if (name && policy.excludePackages.includes(name)) {
      plans.push(
        excluded(plan, {
          code: "EXCLUDED_BY_POLICY",
          message: `${plan.package} is in exclude-packages, so ${file.module} is left out`,
          hint: `take ${plan.package} out of --exclude-packages to build it in`
        })
      );
      continue;
    }
    if (!record) {
      const noObjects = {
        code: "NO_OBJECT_FILES",
        message: `${file.file} was built without passing through the compiler pyseal watches, so there are no object files to link`,
        hint: isRustSharedLibrary(source) ? rustNoObjectFilesHint(file.module) : `declare its objects with --link-extra ${file.module}=OBJECTS, or build it with setuptools`
      };
      plans.push(standaloneOrExcluded({ ...plan, reasons: [noObjects] }, policy, target, source, file.file));
      continue;
    }
    if (name && policy.standalonePackages.includes(name)) {
      const standalone = standaloneOrExcluded(plan, policy, target, source, file.file);
      standalone.reasons.unshift({
        code: "STANDALONE_BY_POLICY",
        message: `${plan.package} is in standalone-packages, so ${file.module} stays a shared-library file`
      });
      plans.push(standalone);
      continue;
    }
    builtInFromRecord(plan, record, request);
    const fallback = plan.status === "failed" ? standaloneOrExcluded(plan, policy, target, source, file.file) : null;
    if (fallback?.status === "standalone") {
      const reasons = fallback.reasons.filter((r) => r.code !== "BUILTIN");
      plans.push({ ...fallback, objects: [], archives: [], reasons });
    } else {
      plans.push(plan);
    }
  }
  return plans;
}
function builtInFromRecord(plan, record, request) {
  const { target } = request;
  plan.objects = [...record.objects, ...record.whole_archives];
  plan.archives = record.archives;
  plan.initFunction = record.init_fn;
  plan.linkedInitFunction = record.init_fn;
  plan.language = record.language;
  plan.reasons.push({ code: "BUILTIN", message: `objects captured through ${record.capture}` });
  if (record.language === "c++" && !request.cxx) {
    plan.status = "failed";
    plan.location = null;
    plan.reasons.push({
      code: "CXX_TOOLCHAIN_MISSING",
      message: `a C++ extension needs a C++ toolchain for ${target.triple}, and pyseal has none configured for it yet`
    });
  }
  const built = request.builtLibraries ?? null;
  const searchDirs = [...record.library_dirs, ...request.searchDirs, ...built?.searchDirs ?? []];
  for (const library of record.libraries) {
    const resolved = resolveLibrary(library, target.toolchain, searchDirs);
    plan.libraries.push(resolved);
    if (resolved.kind === "static") {
      plan.reasons.push(staticLibraryReason(library, resolved.path, built));
    } else if (resolved.kind === "missing") {
      plan.status = "failed";
      plan.location = null;
      plan.reasons.push(missingLibraryReason(library, target.triple, built));
    }
  }
}
function planLinkExtra(request) {
  return request.linkExtra.flatMap((extra) => {
    if (extra.kind !== "module") return [];
    const plan = emptyPlan(extra.module, "package", null);
    const installed = request.installed.find((i) => i.module === extra.module);
    plan.package = installed?.distribution ?? null;
    plan.objects = extra.paths;
    plan.capture = "link-extra";
    plan.initFunction = `PyInit_${extra.module.split(".").pop()}`;
    plan.linkedInitFunction = plan.initFunction;
    plan.reasons.push({
      code: "LINKED_FROM_LINK_EXTRA",
      message: `built in from ${extra.paths.map((p) => import_node_path69.default.basename(p)).join(", ")} (--link-extra)`
    });
    return [plan];
  });
}
function packageOf(intents, module2) {
  return intents.find((i) => i.modules.includes(module2))?.package ?? null;
}

// src/resolve/plan-stdlib.ts
var import_node_path70 = __toESM(require("node:path"));
function planStdlib(request) {
  const { distribution, target, policy } = request;
  const json = distribution.json;
  const testModules = new Set(json.pyseal?.test_extensions ?? []);
  const plans = [];
  for (const [module2, variants] of Object.entries(json.build_info.extensions).sort(([a], [b]) => a < b ? -1 : 1)) {
    const variant2 = variants[0];
    if (variant2.in_core) continue;
    const plan = emptyPlan(module2, "stdlib", null);
    plan.capture = "distribution";
    plan.initFunction = variant2.init_fn;
    plan.linkedInitFunction = variant2.init_fn;
    if (request.stdlibImported && !request.stdlibImported.has(module2) && !variant2.required) {
      plans.push(
        excluded(plan, {
          code: "STDLIB_NOT_IMPORTED",
          message: `no import of it was found (--stdlib imported); keep it with --stdlib-include ${module2}`
        })
      );
      continue;
    }
    if (testModules.has(module2) && !request.includeStdlibTestModules) {
      plans.push(
        excluded(plan, {
          code: "STDLIB_TEST_MODULE_LEFT_OUT",
          message: "only CPython's own tests use it; kept with --stdlib-exclude none"
        })
      );
      continue;
    }
    if (variant2.objs.length === 0 && variant2.shared_lib) {
      const file = import_node_path70.default.join(distribution.root, variant2.shared_lib);
      const standalone = standaloneOrExcluded(plan, policy, target, file, import_node_path70.default.basename(file));
      if (standalone.status === "standalone") {
        standalone.reasons.push({
          code: "STANDALONE_SHARED_LIBRARY",
          message: standalone.location === "in-memory" ? "the distribution has it only as a shared library; embedded in the binary, loaded from memory" : `the distribution has it only as a shared library; shipped as ${policy.sideDirectory}/${import_node_path70.default.basename(file)} beside the binary`
        });
      }
      plans.push(standalone);
      continue;
    }
    plan.objects = variant2.objs.map((o) => import_node_path70.default.join(distribution.root, o));
    plan.libraries = variant2.links.map(
      (link) => link.system || !link.path_static ? { name: link.name, kind: "system" } : { name: link.name, kind: "static", path: import_node_path70.default.join(distribution.root, link.path_static) }
    );
    plan.reasons.push({ code: "STDLIB_BUILTIN", message: "built into the distribution" });
    plans.push(plan);
  }
  for (const notBuilt of json.pyseal?.not_built ?? []) {
    plans.push(
      excluded(emptyPlan(notBuilt.module, "stdlib", null), { code: "STDLIB_NOT_BUILT", message: notBuilt.cause })
    );
  }
  return plans;
}

// src/resolve/modules.ts
async function resolveModules(request) {
  const { libraries, records, target, searchDirs } = request;
  const builtLibraries = libraries ? await ensureRecordLibraries(records, libraries, target, searchDirs) : null;
  const planned = { ...request, builtLibraries };
  const plans = await checkCapturedLinks({ ...planned, plans: planModules(planned) });
  await planMemoryImages(plans, request);
  return plans;
}
function planModules(request) {
  const plans = [...planStdlib(request), ...planPackages(request), ...planLinkExtra(request)];
  const present = new Set(plans.map((p) => p.module));
  for (const intent of request.intents) {
    for (const module2 of intent.modules) {
      if (present.has(module2)) continue;
      present.add(module2);
      const why2 = intent.building && !intent.building.includes(module2) ? `${intent.package} left ${module2} out of its build (it did not find an optional library the module needs for the target)` : `${intent.package} meant to build ${module2} but produced no extension (a failed optional build)`;
      plans.push(
        excluded(emptyPlan(module2, "package", intent.package), {
          code: "INTENDED_NOT_BUILT",
          message: `${why2}; its pure-Python fallback, if any, is used`
        })
      );
    }
  }
  assignInitFunctionNames(plans);
  return plans;
}
function assignInitFunctionNames(plans) {
  const taken = /* @__PURE__ */ new Set();
  for (const plan of plans.filter((p) => p.status === "builtin" && p.origin === "stdlib")) {
    if (plan.linkedInitFunction) taken.add(plan.linkedInitFunction);
  }
  for (const plan of plans.filter((p) => p.status === "builtin" && p.origin === "package")) {
    const wanted = plan.initFunction ?? `PyInit_${plan.module.split(".").pop()}`;
    let name = wanted;
    if (taken.has(name)) {
      name = `PyInit_pyseal_${plan.module.replace(/[^A-Za-z0-9]/g, "_")}`;
      plan.reasons.push({
        code: "INIT_FUNCTION_RENAMED",
        message: `${wanted} is also defined by another module; linked as ${name}`
      });
    }
    taken.add(name);
    plan.linkedInitFunction = name;
    plan.reasons.push({ code: "SYMBOLS_LOCALIZED", message: `every symbol but ${name} made private` });
  }
}

// src/pipeline.ts
var BuildFailedError = class extends Error {
  constructor(failure, reportFile) {
    super(failure.message);
    this.failure = failure;
    this.reportFile = reportFile;
    this.name = "BuildFailedError";
  }
  failure;
  reportFile;
};
async function runBuild(inputs, observer) {
  const target = selectToolchain(findTarget(inputs.target), hostTriple());
  const policy = extensionPolicy(inputs, target);
  const executable = import_node_path71.default.join(inputs.outDir, inputs.name);
  const reportFile = `${executable}.report.json`;
  const report = await startReport({ inputs, triple: target.triple, flavor: policy.flavor, version: toolVersion() });
  if (inputs.packageDataLocations.length > 0) report.packageData = packageDataEntries(inputs.packageDataLocations);
  await prepareOutputDir(inputs.outDir, executable);
  const workDir = import_node_path71.default.join(inputs.outDir, `.${inputs.name}.work`);
  const run = { inputs, target, policy, observer, report, workDir, executable, plans: [] };
  let written2 = report;
  try {
    await buildStages(run);
    report.status = "ok";
  } catch (caught) {
    const error = explainDiskFailure(caught, inputs);
    report.error = error.message;
    report.executable = null;
    throw new BuildFailedError(error, reportFile);
  } finally {
    await (0, import_promises39.rm)(workDir, { recursive: true, force: true }).catch(() => void 0);
    written2 = await finishReport({ report, plans: run.plans, policy, inputs, executable, reportFile });
  }
  return { executable, reportFile, report: written2 };
}
async function buildStages(run) {
  const { inputs, observer } = run;
  await ensureToolchain(run.target, { install: process.env.GITHUB_ACTIONS === "true", log: observer.log });
  run.target = await withBuildCompilers(run.target, inputs.glibc, inputs.cacheDir, observer.log);
  const target = run.target;
  const obtained = await distributionStage(run);
  const toolchain = await prepareBuildToolchain(target, inputs.cacheDir, observer.log);
  const packages = await packagesStage(run, obtained, toolchain);
  const located = locatePackageData(inputs.packageDataLocations, {
    siteDir: packages.siteDir,
    stdlibDir: import_node_path71.default.join(obtained.distribution.root, obtained.distribution.json.python_paths.stdlib),
    stdlibExclude: inputs.stdlibExclude
  });
  const searchDirs = await linkerSearchDirs(target.toolchain, toolchain.libraryDirs);
  const stdlibImports = await stdlibImportsFor(inputs, obtained.buildDistribution, packages.siteDir, observer.log);
  await (0, import_promises39.rm)(run.workDir, { recursive: true, force: true });
  run.plans = await resolveStage(run, { obtained, packages, toolchain, searchDirs, stdlibImports });
  run.report.stdlib = stdlibSection(inputs, obtained.distribution, stdlibImports, run.plans);
  const staged = await linkAndEmbedStage(run, { obtained, packages, toolchain, stdlibImports, located });
  const sideFiles = await shipSideFiles({
    plans: run.plans,
    sideDirectory: run.policy.sideDirectory,
    target,
    searchDirs,
    log: observer.log,
    located,
    buildDistribution: obtained.buildDistribution,
    outDir: inputs.outDir,
    workDir: run.workDir
  });
  run.report.executable = await executableSection({
    staged,
    name: import_node_path71.default.relative(inputs.outDir, run.executable),
    outDir: inputs.outDir,
    sideFiles,
    target,
    plans: run.plans
  });
  await moveIntoPlace2(staged, run.executable);
}
async function stage(observer, name, work, describe) {
  observer.stageStarted(name);
  const started = Date.now();
  const value = await work();
  observer.stageFinished(name, (Date.now() - started) / 1e3, describe(value));
  return value;
}
async function distributionStage(run) {
  const { inputs, target, observer } = run;
  const obtained = await stage(
    observer,
    "distribution",
    () => obtainDistribution(
      { value: inputs.pythonDistribution, optimization: inputs.pythonOptimization },
      target,
      inputs.cacheDir,
      observer.log
    ),
    (d) => `${d.reused ? "reused cached" : "built"} CPython ${d.distribution.json.python_version} (${d.source})`
  );
  const distribution = obtained.distribution;
  run.report.python = pythonSection(obtained);
  assertLinkable(distribution, target, obtained.source);
  return obtained;
}
async function packagesStage(run, obtained, toolchain) {
  const { inputs, target, observer } = run;
  const packages = await stage(
    observer,
    "build",
    () => buildPackages({
      distribution: obtained.distribution,
      buildDistribution: obtained.buildDistribution,
      crossSysconfigName: obtained.crossSysconfigName,
      project: inputs.project,
      requirements: inputs.requirements,
      cacheRoot: inputs.cacheDir,
      env: { CC: target.toolchain.cc, ...toolchain.env },
      cxx: toolchain.cxx,
      libraries: libraryProvider(target, inputs.cacheDir, observer.log),
      platformTag: `${target.arch}-${target.os}-${target.libc}`,
      log: observer.log
    }),
    (p) => `${p.reused ? "reused cached packages" : "built packages"} ${p.key} (${p.capture.records.length} extension modules captured, ${p.compiled} compiled now)`
  );
  run.report.packages = { key: packages.key };
  checkEntryPoint(inputs.entryPoint, packages.siteDir, packages.installed);
  return packages;
}
async function resolveStage(run, context) {
  const { inputs, target, policy, observer } = run;
  const plans = await stage(
    observer,
    "resolve",
    async () => resolveModules({
      stdlibImported: context.stdlibImports?.modules ?? null,
      distribution: context.obtained.distribution,
      target,
      policy,
      searchDirs: context.searchDirs,
      cxx: context.toolchain.cxx,
      includeStdlibTestModules: !inputs.stdlibExclude.includes("test"),
      records: context.packages.capture.records,
      intents: context.packages.capture.intents,
      installed: context.packages.installed,
      siteDir: context.packages.siteDir,
      linkExtra: inputs.linkExtra,
      libraries: context.packages.libraries,
      workDir: run.workDir
    }),
    (p) => `${p.filter((m) => m.status === "builtin").length} built-in extension modules`
  );
  run.plans = plans;
  const failed = plans.filter((p) => p.status === "failed");
  if (failed.length > 0) {
    throw new Error(
      `These extension modules cannot be linked for ${target.triple}:
` + failed.map((p) => `  - ${p.module} (${p.package ?? "unknown package"}): ${p.reasons.at(-1)?.message}`).join("\n")
    );
  }
  return plans;
}
async function linkAndEmbedStage(run, context) {
  const { inputs, target, observer, workDir } = run;
  const native2 = import_node_path71.default.join(workDir, `${inputs.name}.native`);
  const staged = import_node_path71.default.join(workDir, inputs.name);
  await stage(
    observer,
    "link",
    () => linkExecutable({
      distribution: context.obtained.distribution,
      target,
      cxx: context.toolchain.cxx,
      plans: run.plans,
      sideDirectory: run.policy.sideDirectory,
      packageDirs: packageDirectories(inputs.packageDataLocations),
      extractedPackages: extractedPackages(inputs.packageDataLocations),
      extraObjects: inputs.linkExtra.flatMap((l) => l.kind === "objects" ? l.paths : []),
      stdlibLeftOut: run.report.stdlib?.leftOut ?? null,
      entryPoint: inputs.entryPoint,
      workDir,
      output: native2
    }),
    () => `${Math.round((0, import_node_fs38.statSync)(native2).size / 1e5) / 10} MB native code`
  );
  await stage(
    observer,
    "embed",
    () => embedResources({
      distribution: context.obtained.distribution,
      buildDistribution: context.obtained.buildDistribution,
      siteDir: context.packages.siteDir,
      packageData: packageDataRoots(context.located),
      stdlibExclude: inputs.stdlibExclude,
      stdlibTopLevel: context.stdlibImports?.topLevel ?? null,
      plans: run.plans,
      workDir,
      nativeExecutable: native2,
      output: staged
    }),
    (e) => e.summary
  );
  return staged;
}

// src/report/fail-on.ts
function failureOf(report, inputs) {
  if (inputs.failOn === "never") return null;
  return floorFailure(report, inputs.glibc) ?? fallbackFailure(report, inputs.failOn) ?? leftOutFailure(report);
}
var LEFT_OUT_ON_PURPOSE = ["EXCLUDED_BY_POLICY", "INTENDED_NOT_BUILT"];
function leftOutFailure(report) {
  const modules = report.modules.filter(
    (m) => m.origin === "package" && m.status === "excluded" && !m.reasons.some((r) => LEFT_OUT_ON_PURPOSE.includes(r.code))
  );
  if (modules.length === 0) return null;
  return `${modules.length} third-party extension module${modules.length === 1 ? " was" : "s were"} left out of the binary: ` + modules.map((m) => `${m.module} (${m.package ?? "unknown package"}: ${m.reasons.map((r) => r.code).join(", ")})`).join(", ") + `; importing one raises ImportError. Build it in (the report says how), ship it beside the binary (--flavor dynamic, where the target loads shared libraries), leave it out on purpose (--exclude-packages), or accept this with --fail-on never. ${written(report)}`;
}
function fallbackFailure(report, failOn) {
  if (failOn !== "fallback" || report.verdict !== "fallback") return null;
  const modules = report.modules.filter((m) => m.origin === "package" && m.status !== "builtin");
  return `--fail-on fallback: ${modules.length} third-party extension module${modules.length === 1 ? " is" : "s are"} not built in: ` + modules.map((m) => `${m.module} (${m.package ?? "unknown package"}, ${m.reasons.at(-1)?.code ?? m.status})`).join(", ") + `. ${written(report)}`;
}
function floorFailure(report, floor) {
  const requires = report.executable?.requires;
  if (floor === null || floor === "host" || !requires || requires === "static") return null;
  const above = requires.files.flatMap(
    ({ file, needs }) => needs.map((need) => ({ file, need, release: releaseOf("glibc", need.version) })).filter((n) => n.release !== null && compareVersions(n.release, floor) > 0)
  );
  if (above.length === 0) return null;
  return `--glibc ${floor}: ` + above.map(({ file, need }) => `${file} needs ${need.version}${need.symbol ? ` for ${need.symbol}` : ""}`).join(", ") + `, newer than the floor. Raise --glibc to ${requires.glibc}, or give --glibc host to build without a floor. ` + written(report);
}
function written(report) {
  return `The binary and report were written; see ${report.name}.report.json.`;
}

// src/commands/argument-error.ts
function argumentError(error, options, command) {
  const message = error.message;
  const flagNames = options.map((name) => `--${name}`);
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION": {
      const flag = (/'(-[^']*)'/.exec(message)?.[1] ?? message).split("=")[0];
      const fix = `${didYouMean(flag, flagNames).trimStart()} ${command} takes ${flagNames.join(", ")}.`.trimStart();
      return new UserError({ input: flag, cause: "unknown option", fix }, `unknown option ${flag}. ${fix}`);
    }
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL": {
      const argument = /'([^']*)'/.exec(message)?.[1] ?? "";
      const fix = `${command} takes only options (${flagNames.join(", ")})`;
      return new UserError(
        { input: `"${argument}"`, cause: "unexpected argument", fix },
        `unexpected argument "${argument}": ${fix}`
      );
    }
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      const option = /'(--[\w-]+)/.exec(message)?.[1] ?? "an option";
      return /does not take an argument/.test(message) ? new UserError({
        input: option,
        cause: "is a switch and takes no value",
        fix: `give ${option} alone to turn it on`
      }) : new UserError({ input: option, cause: "needs a value", fix: `write ${option} VALUE` });
    }
    default:
      return new UserError({ input: command, cause: message, fix: `see pyseal --help` }, message);
  }
}

// src/commands/build-flags.ts
var FLAGS = optionsOn(BUILD_OPTIONS, "cli");
var BUILD_FLAGS = Object.fromEntries(
  FLAGS.map((option) => [
    option.name,
    option.given === "switch" ? { type: "boolean" } : { type: "string", multiple: option.given === "repeated" }
  ])
);
var HELP_COLUMN = 32;
var WIDTH = 92;
function flagUsage(option) {
  const flag = `  --${option.name}${option.metavar ? ` ${option.metavar}` : ""}`;
  const fallback = option.given === "switch" ? null : plainDefault(option);
  const help = withRepeatNote(option, plainText(option.summary), " (repeatable)") + (fallback === null ? "" : `; default: ${fallback}`);
  const lines = [];
  let line = "";
  for (const word of help.split(" ")) {
    if (line !== "" && HELP_COLUMN + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(line);
  const indent = " ".repeat(HELP_COLUMN);
  const first = flag.length < HELP_COLUMN ? `${flag.padEnd(HELP_COLUMN)}${lines.shift()}` : flag;
  return [first, ...lines.map((l) => indent + l)].join("\n");
}
var BUILD_FLAGS_USAGE = "Build options (the same names work in [tool.pyseal] of pyproject.toml; flags win):\n" + FLAGS.map(flagUsage).join("\n") + "\n";

// src/commands/build.ts
async function buildCommand(args, usage2) {
  let flags;
  try {
    const { values } = (0, import_node_util.parseArgs)({ args, strict: true, allowPositionals: false, options: BUILD_FLAGS });
    flags = values;
  } catch (error) {
    process.stderr.write(`${renderCliError(argumentError(error, Object.keys(BUILD_FLAGS), "pyseal build"))}
${usage2}`);
    return 2;
  }
  const started = Date.now();
  let failOn = flags["fail-on"] ?? BUILD_OPTIONS.failOn.default.value;
  try {
    const inputs = await resolveBuildInputs(flags);
    failOn = inputs.failOn;
    const outcome = await runBuild(inputs, {
      stageStarted: (name) => process.stdout.write(`\u25B8 ${name}
`),
      stageFinished: (name, seconds, detail) => process.stdout.write(`\u2713 ${name} ${seconds.toFixed(1)}s: ${detail}
`),
      log: (line) => process.stdout.write(`${line}
`)
    });
    const { summary, modules } = outcome.report;
    const inMemory = modules.filter((m) => m.location === "in-memory").length;
    const beside = summary.standalone - inMemory;
    process.stdout.write(
      `report: ${outcome.reportFile} (${summary.builtin} built-in, ${beside ? `${beside} beside the binary, ` : ""}${inMemory ? `${inMemory} loaded from memory, ` : ""}${summary.excluded} left out, ${summary.failed} failed)
done in ${((Date.now() - started) / 1e3).toFixed(1)}s
${outcome.executable}
`
    );
    const failure = failureOf(outcome.report, inputs);
    if (failure) {
      process.stderr.write(`pyseal: error: ${failure}
`);
      return 1;
    }
    return 0;
  } catch (error) {
    process.stderr.write(renderCliError(error));
    if (error instanceof BuildFailedError) process.stderr.write(`report: ${error.reportFile}
`);
    return failOn === "never" && error instanceof BuildFailedError ? 0 : 1;
  }
}

// src/commands/plan.ts
var import_node_util2 = require("node:util");

// src/targets/plan.ts
function planMatrix(targets, name) {
  const unknown = [];
  const rows = [];
  const wanted = targets.flatMap((value) => value.toLowerCase() === "all" ? TARGETS.map((t) => t.triple) : [value]);
  for (const value of wanted) {
    try {
      const row = findTarget(value);
      if (!rows.includes(row)) rows.push(row);
    } catch (error) {
      if (!(error instanceof UnknownTargetError)) throw error;
      unknown.push(value);
    }
  }
  if (unknown.length > 0) throw new UnknownTargetError(unknown);
  if (rows.length === 0) {
    throw new UserError(
      { input: "--targets", cause: "names no target", fix: "pass --targets with one or more triples or aliases" },
      "No targets given: pass --targets with one or more triples or aliases"
    );
  }
  return {
    include: rows.map((row) => ({
      target: row.triple,
      "runs-on": row.runner.label,
      container: row.runner.container ?? "",
      os: row.os,
      arch: row.arch,
      "apt-packages": row.toolchain.install.kind === "apt" ? row.toolchain.install.packages.join(" ") : "",
      artifact: `${name}-${row.triple}`,
      "tested-on": row.testedOn
    }))
  };
}

// src/commands/plan.ts
var PLAN_OPTIONS = { targets: { type: "string" }, name: { type: "string" } };
function planCommand(args) {
  let values;
  try {
    values = (0, import_node_util2.parseArgs)({ args, strict: true, allowPositionals: false, options: PLAN_OPTIONS }).values;
  } catch (error) {
    process.stderr.write(renderCliError(argumentError(error, Object.keys(PLAN_OPTIONS), "pyseal plan")));
    return 2;
  }
  try {
    const targets = (values.targets ?? "").split(/[\s,]+/).map((t) => t.trim()).filter((t) => t !== "");
    process.stdout.write(`${JSON.stringify(planMatrix(targets, values.name ?? "app"))}
`);
    return 0;
  } catch (error) {
    process.stderr.write(renderCliError(error));
    return 2;
  }
}

// src/commands/report.ts
var import_promises40 = require("node:fs/promises");
var import_node_util3 = require("node:util");

// src/report/diff.ts
function diffReports(base, head) {
  const before = new Map(base.modules.map((m) => [m.module, m]));
  const after = new Map(head.modules.map((m) => [m.module, m]));
  const changes = [];
  for (const name of [.../* @__PURE__ */ new Set([...before.keys(), ...after.keys()])].sort()) {
    const b = before.get(name) ?? null;
    const h = after.get(name) ?? null;
    const baseOutcome = b?.status ?? null;
    const headOutcome = h?.status ?? null;
    if (baseOutcome === headOutcome) continue;
    const kind = headOutcome === "failed" ? "new-failure" : headOutcome === "builtin" ? "fixed" : "changed";
    changes.push({
      module: name,
      package: h?.package ?? b?.package ?? null,
      base: baseOutcome,
      head: headOutcome,
      kind,
      reasons: (h?.reasons ?? []).map((r) => `${r.code}: ${r.message}`)
    });
  }
  const order = { "new-failure": 0, changed: 1, fixed: 2 };
  changes.sort((x, y) => order[x.kind] - order[y.kind] || (x.module < y.module ? -1 : 1));
  return { target: head.target, baseVerdict: base.verdict, headVerdict: head.verdict, changes };
}
function isRegression(diff) {
  const rank = { "all-builtin": 2, fallback: 1, failed: 0 };
  return rank[diff.headVerdict] < rank[diff.baseVerdict] || diff.changes.some((c) => c.kind === "new-failure" || c.base === "builtin" && c.head !== null);
}
var WORD = {
  builtin: "built in",
  standalone: "beside the binary",
  excluded: "left out",
  failed: "failed"
};
function renderDiff(diff) {
  const lines = [`### ${diff.target}: ${verdictMove(diff)}`, ""];
  if (diff.changes.length === 0) {
    lines.push("No extension module changed outcome.");
    return lines.join("\n") + "\n";
  }
  const title = { "new-failure": "new failure", changed: "changed", fixed: "fixed" };
  lines.push("| | module | package | before | now | why |", "| --- | --- | --- | --- | --- | --- |");
  for (const c of diff.changes) {
    const before = c.base ? WORD[c.base] : "absent";
    const now = c.head ? WORD[c.head] : "absent";
    const why2 = c.reasons.join("; ").replace(/\|/g, "\\|");
    lines.push(`| ${title[c.kind]} | \`${c.module}\` | ${c.package ?? ""} | ${before} | ${now} | ${why2} |`);
  }
  return lines.join("\n") + "\n";
}
function verdictMove(diff) {
  return diff.baseVerdict === diff.headVerdict ? `verdict unchanged (${diff.baseVerdict})` : `verdict ${diff.baseVerdict} \u2192 ${diff.headVerdict}`;
}

// src/report/migrate.ts
var import_node_path72 = __toESM(require("node:path"));
var PREVIOUS_REPORT_SCHEMA = "pyseal-report/2";
function upgradeReport(raw) {
  if (!raw || typeof raw !== "object" || raw.schema !== PREVIOUS_REPORT_SCHEMA) return raw;
  const old = raw;
  const python = old.python ? { ...old.python } : null;
  if (python) delete python.reused;
  const upgraded = {
    ...old,
    schema: REPORT_SCHEMA,
    inputs: { project: "", requirements: [], pythonDistribution: "" },
    python,
    packages: old.packages ? { key: old.packages.key } : null,
    executable: old.executable ? { ...old.executable, path: import_node_path72.default.basename(old.executable.path) } : null
  };
  return upgraded;
}

// src/commands/report.ts
async function reportCommand(args) {
  const [verb, ...rest] = args;
  try {
    if (verb !== "render" && verb !== "diff") {
      const fix = `${didYouMean(verb ?? "", ["render", "diff"])} Use "report render FILE..." or "report diff BASE HEAD"`;
      throw new UserError(
        { input: `"${verb ?? ""}"`, cause: "is not a report command", fix: fix.trimStart() },
        `unknown report command "${verb ?? ""}".${fix}`
      );
    }
    const { values, positionals } = parseReportArgs(rest, verb);
    const reports = await Promise.all(positionals.map(readReport));
    let text;
    let code2 = 0;
    if (verb === "render") {
      if (reports.length === 0) throw usage("report render", "one or more report files");
      text = reports.length === 1 ? renderReport(reports[0]) : renderMatrix(reports);
    } else {
      if (reports.length !== 2) throw usage("report diff", "two report files: BASE HEAD");
      if (reports[0].target !== reports[1].target) {
        throw new UserError(
          {
            input: `${positionals[0]} and ${positionals[1]}`,
            cause: `are reports of two targets (${reports[0].target}, ${reports[1].target})`,
            fix: "compare two reports of one target"
          },
          `${positionals[0]} is for ${reports[0].target}, ${positionals[1]} for ${reports[1].target}: compare two reports of one target`
        );
      }
      const diff = diffReports(reports[0], reports[1]);
      text = renderDiff(diff);
      code2 = isRegression(diff) ? 1 : 0;
    }
    if (values.out) await (0, import_promises40.writeFile)(values.out, text);
    else process.stdout.write(text);
    return code2;
  } catch (error) {
    process.stderr.write(renderCliError(error));
    return 2;
  }
}
async function readReport(file) {
  let raw;
  let text;
  try {
    text = await (0, import_promises40.readFile)(file, "utf8");
  } catch (error) {
    const code2 = error.code;
    throw code2 === "ENOENT" ? new UserError({
      input: `report file ${file}`,
      cause: "does not exist",
      fix: "give the path of a <name>.report.json"
    }) : new UserError({
      input: `report file ${file}`,
      cause: `cannot be read (${error.message})`,
      fix: "check its permissions"
    });
  }
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UserError({
      input: file,
      cause: `is not JSON (${error.message})`,
      fix: "give a <name>.report.json that pyseal wrote"
    });
  }
  const schema = raw?.schema;
  if (typeof schema === "string" && schema.startsWith("pyseal-report/") && ![REPORT_SCHEMA, PREVIOUS_REPORT_SCHEMA].includes(schema)) {
    throw new UserError(
      {
        input: file,
        cause: `is a ${schema} report; this pyseal reads ${REPORT_SCHEMA} and ${PREVIOUS_REPORT_SCHEMA}`,
        fix: "use the pyseal that wrote it"
      },
      `${file} is a ${schema} report; this pyseal reads ${REPORT_SCHEMA} and ${PREVIOUS_REPORT_SCHEMA}: use the pyseal that wrote it`
    );
  }
  const parsed = ReportSchema.safeParse(upgradeReport(raw));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new UserError(
      {
        input: file,
        cause: `is not a pyseal report (${first.path.join(".") || "(root)"}: ${first.message})`,
        fix: "give a <name>.report.json that pyseal wrote"
      },
      `${file} is not a pyseal report: ${first.path.join(".") || "(root)"}: ${first.message}`
    );
  }
  return parsed.data;
}
function parseReportArgs(args, verb) {
  const options = { out: { type: "string" } };
  try {
    return (0, import_node_util3.parseArgs)({ args, strict: true, allowPositionals: true, options });
  } catch (error) {
    throw argumentError(error, Object.keys(options), `pyseal report ${verb}`);
  }
}
function usage(command, takes) {
  return new UserError(
    { input: command, cause: "was given the wrong number of files", fix: `give it ${takes}` },
    `${command} takes ${takes}`
  );
}

// src/cli.ts
var USAGE = `Usage: pyseal build [options]
       pyseal plan --targets LIST [--name NAME]
       pyseal report render REPORT.json... [--out FILE]
       pyseal report diff BASE.json HEAD.json [--out FILE]

pyseal build turns a Python project, extension modules included, into one executable.
pyseal plan prints the GitHub Actions build matrix (JSON) for a comma-separated list
of targets ("all" for every one): one leg per target, with its runner and packages.
pyseal report render writes Markdown for one report, or a targets x modules matrix
for several; report diff compares two reports of one target and exits 1 when the
second is worse (a new failure, a module no longer built in, a worse verdict).

${BUILD_FLAGS_USAGE}`;
async function main(argv) {
  const [command, ...rest] = argv;
  if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(USAGE);
    return command === void 0 ? 2 : 0;
  }
  if (command === "build") return buildCommand(rest, USAGE);
  if (command === "plan") return planCommand(rest);
  if (command === "report") return reportCommand(rest);
  const fix = `${didYouMean(command, ["build", "plan", "report"])} The commands are build, plan and report.`;
  const error = new UserError(
    { input: `"${command}"`, cause: "is not a pyseal command", fix: fix.trimStart() },
    `unknown command "${command}".${fix}`
  );
  process.stderr.write(`${renderCliError(error)}
${USAGE}`);
  return 2;
}
if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code2) => process.exit(code2),
    (error) => {
      process.stderr.write(`pyseal: internal error: ${error.stack ?? String(error)}
`);
      process.exit(70);
    }
  );
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  main
});
